package org.penpals.platform.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * A plain Kafka consumer (no group, no Spring) that collects what reaches a topic. {@link #fromNow}
 * starts at the current end, {@link #fromBeginning} at the start.
 */
public final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<CloudEventRecord> records = new ArrayList<>();

  private TopicReader(String bootstrap, String topic, boolean fromBeginning) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props);
    ensureTopic(bootstrap, topic);
    List<TopicPartition> partitions =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList(),
                list -> !list.isEmpty());
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
    partitions.forEach(consumer::position); // resolve the start now, not at the first poll
  }

  /** Creates the topic if nobody has yet (an existing one is fine). */
  private static void ensureTopic(String bootstrap, String topic) {
    try (AdminClient admin =
        AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
          .all()
          .get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads the shared broker's topic from its current end. */
  public static TopicReader fromNow(String topic) {
    return new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), topic, false);
  }

  public static TopicReader fromBeginning(String topic) {
    return new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), topic, true);
  }

  public static TopicReader fromBeginning(String bootstrap, String topic) {
    return new TopicReader(bootstrap, topic, true);
  }

  /** Polls once for whatever arrived. */
  public synchronized List<CloudEventRecord> poll() {
    consumer.poll(Duration.ofMillis(100)).forEach(r -> records.add(CloudEventRecord.of(r)));
    return List.copyOf(records);
  }

  /** Everything read so far. */
  public synchronized List<CloudEventRecord> records() {
    return List.copyOf(records);
  }

  /** Waits until {@code count} records match, then returns the matching ones. */
  public List<CloudEventRecord> await(
      Predicate<CloudEventRecord> match, int count, Duration timeout) {
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> poll().stream().filter(match).count() >= count);
    return records().stream().filter(match).toList();
  }

  public List<CloudEventRecord> await(Predicate<CloudEventRecord> match, int count) {
    return await(match, count, Duration.ofSeconds(30));
  }

  /** Records of a CloudEvents type about a subject. */
  public static Predicate<CloudEventRecord> event(String type, String subject) {
    return r -> type.equals(r.type()) && subject.equals(r.key());
  }

  public static Predicate<CloudEventRecord> type(String type) {
    return r -> type.equals(r.type());
  }

  /** Waits a little and returns what arrived, for asserting that nothing matching did. */
  public List<CloudEventRecord> drain(Duration quietFor) {
    long until = System.nanoTime() + quietFor.toNanos();
    while (System.nanoTime() < until) {
      poll();
    }
    return records();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(1));
  }
}
