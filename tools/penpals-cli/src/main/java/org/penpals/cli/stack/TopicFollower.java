package org.penpals.cli.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.penpals.cli.CommandFailed;

/**
 * Reads topics with a plain consumer (no group: it assigns every partition itself) from their end
 * as of {@link #atEnd}, on a thread of its own, handing each record to a handler; callers wait for
 * what the handler recorded with {@link #awaitUntil}. Delivery is at least once: handlers
 * deduplicate.
 */
final class TopicFollower implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final AtomicLong recordsRead = new AtomicLong();
  private final Object changed = new Object();
  private volatile @Nullable RuntimeException failure;
  private volatile boolean running = true;
  private @Nullable Thread thread;

  private TopicFollower(KafkaConsumer<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  /**
   * Positions a consumer at the current end of {@code topics}, waiting up to {@code timeout} for
   * the broker to create them.
   *
   * @param fetchMaxWaitMs how long the broker may hold a fetch: how soon an event is seen
   */
  static TopicFollower atEnd(
      String bootstrapServers,
      List<String> topics,
      String clientId,
      int fetchMaxWaitMs,
      Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, fetchMaxWaitMs);
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        partitions.addAll(partitions(consumer, topic, timeout));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end now, not at the first poll
    } catch (RuntimeException e) {
      consumer.close(Duration.ofSeconds(1));
      throw new CommandFailed(
          "cannot read "
              + String.join(", ", topics)
              + " from Kafka at "
              + bootstrapServers
              + ": "
              + e.getMessage(),
          e);
    }
    return new TopicFollower(consumer);
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<String, byte[]> consumer, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      if (System.nanoTime() > deadline) {
        throw new CommandFailed("the topic " + topic + " has no partitions");
      }
      try {
        Thread.sleep(100); // the broker is still creating the topic
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailed("interrupted", e);
      }
    }
  }

  /** Starts handing every record to {@code handler} on a background thread. */
  void start(String threadName, Consumer<ConsumerRecord<String, byte[]>> handler) {
    Thread follower = new Thread(() -> pollLoop(handler), threadName);
    follower.setDaemon(true);
    follower.start();
    this.thread = follower;
  }

  private void pollLoop(Consumer<ConsumerRecord<String, byte[]>> handler) {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          recordsRead.incrementAndGet();
          handler.accept(record);
        }
        synchronized (changed) {
          changed.notifyAll();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
      synchronized (changed) {
        changed.notifyAll();
      }
    }
  }

  /** A header's value as text, or null. */
  static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Waits until {@code condition} holds or {@code deadline} passes; true if it holds. */
  boolean awaitUntil(BooleanSupplier condition, Instant deadline) {
    synchronized (changed) {
      while (!condition.getAsBoolean()) {
        RuntimeException broken = failure;
        if (broken != null) {
          throw new CommandFailed("reading Kafka failed: " + broken.getMessage(), broken);
        }
        long wait = Duration.between(Instant.now(), deadline).toMillis();
        if (wait <= 0) {
          return false;
        }
        try {
          changed.wait(Math.min(wait, 250));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  long recordsRead() {
    return recordsRead.get();
  }

  @Override
  public void close() {
    running = false;
    Thread follower = thread;
    if (follower != null) {
      consumer.wakeup();
      try {
        follower.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    consumer.close(Duration.ofSeconds(1));
  }
}
