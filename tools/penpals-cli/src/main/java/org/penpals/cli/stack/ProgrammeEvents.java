package org.penpals.cli.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
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

  private final TopicFollower topics;
  private final Set<String> deliveries = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Set<String>> dueByWeek = new ConcurrentHashMap<>();
  private final Set<String> late = ConcurrentHashMap.newKeySet();
  private final Set<String> mails = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> mailsByKind = new ConcurrentHashMap<>();
  private volatile long lastEventNanos = System.nanoTime();
  private volatile @Nullable String cycleId;

  private ProgrammeEvents(TopicFollower topics) {
    this.topics = topics;
  }

  /** Positions a consumer at the current end of both topics (waiting for them to exist). */
  public static ProgrammeEvents atEnd(String bootstrapServers, Duration timeout) {
    return new ProgrammeEvents(
        TopicFollower.atEnd(bootstrapServers, TOPICS, "penpals-cli-programme", 100, timeout));
  }

  /** Starts following the events of {@code cycle} on a background thread. */
  public ProgrammeEvents follow(String cycle) {
    this.cycleId = cycle;
    topics.start("penpals-programme-events", this::accept);
    return this;
  }

  private void accept(ConsumerRecord<String, byte[]> record) {
    String type = TopicFollower.header(record, CloudEventHeaders.TYPE);
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

  /** Waits until {@code condition} holds or {@code deadline} passes; true if it holds. */
  public boolean awaitUntil(BooleanSupplier condition, Instant deadline) {
    return topics.awaitUntil(condition, deadline);
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
    topics.close();
  }
}
