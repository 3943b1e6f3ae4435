package org.penpals.cli.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
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
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.Topics;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.prompts.PromptEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows what happens to a cycle after its matches are published: {@code PromptDue} on the prompt
 * deliveries topic (distinct deliveries, counted by week) and {@code MailSent} on the mails topic
 * (distinct mails, counted by kind). Like {@link ParticipantEvents} it reads every partition
 * itself, from the end of the topics as of {@link #atEnd}, and deduplicates, since delivery is at
 * least once.
 */
public final class ProgrammeEvents implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROMPT_DUE = PromptEvents.PROMPT_DUE.type();
  private static final String MAIL_SENT = MessagingEvents.MAIL_SENT.type();
  private static final List<String> TOPICS =
      List.of(Topics.PROMPT_DELIVERIES, Topics.MESSAGING_MAILS);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Set<String> deliveries = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Set<String>> dueByWeek = new ConcurrentHashMap<>();
  private final Set<String> late = ConcurrentHashMap.newKeySet();
  private final Set<String> mails = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> mailsByKind = new ConcurrentHashMap<>();
  private final Object changed = new Object();
  private volatile long lastEventNanos = System.nanoTime();
  private volatile @Nullable String cycleId;
  private volatile @Nullable RuntimeException failure;
  private volatile boolean running = true;
  private @Nullable Thread thread;

  private ProgrammeEvents(KafkaConsumer<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  /** Positions a consumer at the current end of both topics (waiting for them to exist). */
  public static ProgrammeEvents atEnd(String bootstrapServers, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "penpals-cli-programme");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        partitions.addAll(partitions(consumer, topic, timeout));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
    } catch (RuntimeException e) {
      consumer.close(Duration.ofSeconds(1));
      throw new CommandFailed(
          "cannot read " + TOPICS + " from Kafka at " + bootstrapServers + ": " + e.getMessage(),
          e);
    }
    return new ProgrammeEvents(consumer);
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

  /** Starts following the events of {@code cycle} on a background thread. */
  public ProgrammeEvents follow(String cycle) {
    this.cycleId = cycle;
    Thread follower = new Thread(this::pollLoop, "penpals-programme-events");
    follower.setDaemon(true);
    follower.start();
    this.thread = follower;
    return this;
  }

  private void pollLoop() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          accept(record);
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

  private void accept(ConsumerRecord<String, byte[]> record) {
    String type = header(record, CloudEventHeaders.TYPE);
    if (!PROMPT_DUE.equals(type) && !MAIL_SENT.equals(type)) {
      return;
    }
    JsonNode data = JSON.readTree(record.value());
    if (!data.path("cycleId").asString("").equals(cycleId)) {
      return;
    }
    if (PROMPT_DUE.equals(type)) {
      String delivery = data.path("deliveryId").asString("");
      if (deliveries.add(delivery)) {
        lastEventNanos = System.nanoTime();
        if (data.path("late").asBoolean(false)) {
          late.add(delivery);
        }
        dueByWeek
            .computeIfAbsent(data.path("week").asInt(0), w -> ConcurrentHashMap.newKeySet())
            .add(delivery);
      }
    } else {
      String mail = data.path("mailId").asString("");
      if (mails.add(mail)) {
        mailsByKind
            .computeIfAbsent(data.path("kind").asString("?"), k -> ConcurrentHashMap.newKeySet())
            .add(mail);
      }
    }
  }

  private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Waits until {@code condition} holds or {@code deadline} passes; true if it holds. */
  public boolean awaitUntil(BooleanSupplier condition, Instant deadline) {
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

  /**
   * Waits until no new {@code PromptDue} has arrived for {@code quiet} (at most until {@code
   * deadline}): the deliveries a clock move made due have come through.
   */
  public void awaitQuiet(Duration quiet, Instant deadline) {
    long quietNanos = quiet.toNanos();
    awaitUntil(() -> System.nanoTime() - lastEventNanos >= quietNanos, deadline);
  }

  /** Distinct {@code PromptDue} deliveries of a week. */
  public int due(int week) {
    Set<String> set = dueByWeek.get(week);
    return set == null ? 0 : set.size();
  }

  /** Deliveries sent more than a day after they were due (the scheduler ran behind the clock). */
  public int late() {
    return late.size();
  }

  public int dueTotal() {
    return deliveries.size();
  }

  /** Distinct mails sent of a kind ({@code INTRODUCTION}, {@code PROMPT}, ...). */
  public int mailsSent(String kind) {
    Set<String> set = mailsByKind.get(kind);
    return set == null ? 0 : set.size();
  }

  /** Mails sent by kind, sorted. */
  public Map<String, Integer> mailsByKind() {
    Map<String, Integer> counts = new TreeMap<>();
    mailsByKind.forEach((k, v) -> counts.put(k, v.size()));
    return counts;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    Thread follower = thread;
    if (follower != null) {
      try {
        follower.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    consumer.close(Duration.ofSeconds(1));
  }
}
