package org.penpals.cli.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.penpals.cli.CommandFailed;

/**
 * Whether a service has handled given records: its consumer group commits a partition's offset only
 * after handling the records before it. The demo asks before it moves the programme clock on, so
 * that, say, prompt-service knows a partnership was dissolved before that partnership's next prompt
 * could fall due.
 */
public final class ConsumerProgress implements AutoCloseable {
  private final Admin admin;

  public ConsumerProgress(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "penpals-cli-progress");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    this.admin = Admin.create(props);
  }

  /** Where a record is: its topic, partition and offset. */
  public record Position(String topic, int partition, long offset) {}

  /**
   * Waits until {@code group} has committed past every one of {@code records}, or {@code deadline}
   * passes; true if it has.
   */
  public boolean awaitHandled(String group, Collection<Position> records, Instant deadline) {
    while (true) {
      if (handled(group, records)) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      try {
        Thread.sleep(200); // polling the broker: nothing to wait on here
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private boolean handled(String group, Collection<Position> records) {
    if (records.isEmpty()) {
      return true;
    }
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new CommandFailed("cannot read the offsets of consumer group " + group + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted", e);
    }
    for (Position p : records) {
      OffsetAndMetadata offset = committed.get(new TopicPartition(p.topic(), p.partition()));
      if (offset == null || offset.offset() <= p.offset()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
