package org.penpals.cli.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
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
import org.penpals.contracts.registration.RegistrationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code penpals.registration.participants.v1} with a plain consumer (no group: it assigns
 * every partition itself) on a thread of its own and keeps what concerns one cycle: who was
 * registered (and admitted or waitlisted), the verification tokens, who verified. Deduplicates by
 * participant id, since delivery is at least once.
 *
 * <p>It starts at the topic's end as of {@link #atEnd}, which is called before the cycle is
 * created: nothing about a cycle can be on the topic before the cycle exists, so nothing is missed,
 * and a long-lived topic with many earlier runs is not read again.
 */
public final class ParticipantEvents implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REGISTERED = RegistrationEvents.PARTICIPANT_REGISTERED.type();
  private static final String VERIFICATION_REQUESTED =
      RegistrationEvents.VERIFICATION_REQUESTED.type();
  private static final String EMAIL_VERIFIED = RegistrationEvents.EMAIL_VERIFIED.type();

  /** A verification token from a {@code verification-requested} event. */
  public record VerificationToken(String participantId, String token) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, String> admissions = new ConcurrentHashMap<>();
  private final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();
  private final Queue<VerificationToken> tokens = new ConcurrentLinkedQueue<>();
  private final Set<String> verified = ConcurrentHashMap.newKeySet();
  private final AtomicLong recordsRead = new AtomicLong();
  private final Object changed = new Object();
  private volatile long lastRegisteredAtMillis;
  private volatile @Nullable String cycleId;
  private volatile @Nullable RuntimeException failure;
  private volatile boolean running = true;
  private @Nullable Thread thread;

  private ParticipantEvents(KafkaConsumer<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  /** Positions a consumer at the current end of the participants topic (creating it if need be). */
  public static ParticipantEvents atEnd(String bootstrapServers, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "penpals-cli");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    // see an event within ~50 ms of its arrival: the benchmark times the last one
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
    try {
      List<TopicPartition> partitions = partitions(consumer, timeout);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end now, not at the first poll
    } catch (RuntimeException e) {
      consumer.close(Duration.ofSeconds(1));
      throw new CommandFailed(
          "cannot read "
              + Topics.REGISTRATION_PARTICIPANTS
              + " from Kafka at "
              + bootstrapServers
              + ": "
              + e.getMessage(),
          e);
    }
    return new ParticipantEvents(consumer);
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<String, byte[]> consumer, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<PartitionInfo> infos =
          consumer.partitionsFor(Topics.REGISTRATION_PARTICIPANTS, Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      if (System.nanoTime() > deadline) {
        throw new CommandFailed(
            "the topic " + Topics.REGISTRATION_PARTICIPANTS + " has no partitions");
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
  public ParticipantEvents follow(String cycle) {
    this.cycleId = cycle;
    Thread follower = new Thread(this::pollLoop, "penpals-events");
    follower.setDaemon(true);
    follower.start();
    this.thread = follower;
    return this;
  }

  private void pollLoop() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, byte[]> record : records) {
          recordsRead.incrementAndGet();
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
    if (type == null
        || !(type.equals(REGISTERED)
            || type.equals(VERIFICATION_REQUESTED)
            || type.equals(EMAIL_VERIFIED))) {
      return;
    }
    JsonNode data = JSON.readTree(record.value());
    if (!data.path("cycleId").asString("").equals(cycleId)) {
      return;
    }
    String participantId =
        record.key() != null ? record.key() : data.path("participantId").asString("");
    if (type.equals(REGISTERED)) {
      if (admissions.putIfAbsent(participantId, data.path("admission").asString("?")) == null) {
        lastRegisteredAtMillis = System.currentTimeMillis();
      }
    } else if (type.equals(VERIFICATION_REQUESTED)) {
      if (tokensSeen.add(participantId)) {
        tokens.add(new VerificationToken(participantId, data.path("token").asString("")));
      }
    } else {
      verified.add(participantId);
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

  public int registered() {
    return admissions.size();
  }

  /** Registered participants by admission ({@code ADMITTED}, {@code WAITLISTED}). */
  public Map<String, Long> admissions() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    admissions.values().forEach(a -> counts.merge(a, 1L, Long::sum));
    return counts;
  }

  public int verificationsRequested() {
    return tokensSeen.size();
  }

  /** Verification tokens not handed out before. */
  public List<VerificationToken> takeTokens() {
    List<VerificationToken> taken = new ArrayList<>();
    VerificationToken token;
    while ((token = tokens.poll()) != null) {
      taken.add(token);
    }
    return taken;
  }

  public int verified() {
    return verified.size();
  }

  /** Wall clock when the latest new {@code ParticipantRegistered} of the cycle was first seen. */
  public long lastRegisteredAtMillis() {
    return lastRegisteredAtMillis;
  }

  public long recordsRead() {
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
