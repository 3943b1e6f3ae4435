package org.penpals.cli.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
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
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.RegistrationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows what happens to a cycle after its matches are published, from the events of every
 * service: partnerships formed, dissolved and completed and the people matching waitlisted
 * (matching); prompts planned and due, reminders and quiet partnerships, programme start and end
 * (prompt-service); mails sent or failed and partners' messages (messaging); the cycle running and
 * completed (registration). Like {@link ParticipantEvents} it reads every partition itself, from
 * the end of the topics as of {@link #atEnd}, and deduplicates, since delivery is at least once.
 */
public final class ProgrammeEvents implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROMPT_DUE = PromptEvents.PROMPT_DUE.type();
  private static final String PROMPTS_PLANNED = PromptEvents.PROMPTS_PLANNED.type();
  private static final String REMINDED = PromptEvents.PARTNER_REMINDED.type();
  private static final String QUIET = PromptEvents.PARTNERSHIP_QUIET.type();
  private static final String PROGRAMME_STARTED = PromptEvents.PROGRAMME_STARTED.type();
  private static final String PROGRAMME_ENDED = PromptEvents.PROGRAMME_ENDED.type();
  private static final String MAIL_SENT = MessagingEvents.MAIL_SENT.type();
  private static final String MAIL_FAILED = MessagingEvents.MAIL_FAILED.type();
  private static final String MESSAGE_POSTED = MessagingEvents.MESSAGE_POSTED.type();
  private static final String FORMED = MatchingEvents.PARTNERSHIP_FORMED.type();
  private static final String DISSOLVED = MatchingEvents.PARTNERSHIP_DISSOLVED.type();
  private static final String COMPLETED = MatchingEvents.PARTNERSHIP_COMPLETED.type();
  private static final String WAITLISTED = MatchingEvents.PARTICIPANT_WAITLISTED.type();
  private static final String CYCLE_RUNNING = RegistrationEvents.CYCLE_RUNNING.type();
  private static final String CYCLE_COMPLETED = RegistrationEvents.CYCLE_COMPLETED.type();
  private static final List<String> TOPICS =
      List.of(
          Topics.PROMPT_DELIVERIES,
          Topics.MESSAGING_MAILS,
          Topics.MATCHING_PARTNERSHIPS,
          Topics.MATCHING_PARTICIPANTS,
          Topics.PROMPT_ENGAGEMENT,
          Topics.PROMPT_CYCLES,
          Topics.MESSAGING_CONVERSATIONS,
          Topics.REGISTRATION_CYCLES);

  /** A partnership as matching published it. */
  public record Formed(String id, List<String> members, String origin, Instant formedAt) {}

  /** Its prompts as prompt-service planned them: {@code weeks} prompts, up to the cycle's last. */
  public record Planned(List<String> members, int weeks) {}

  /** An early end, with where its event is on Kafka (to ask who has handled it). */
  public record Dissolved(
      String reason,
      List<String> leaving,
      List<String> remaining,
      ConsumerProgress.Position position) {}

  /** A reminder to quiet partners (one per report that reminded anyone). */
  public record Reminder(
      String reportId, String partnershipId, String reportedBy, List<String> reminded) {}

  /** A partner's message, with where its event is on Kafka. */
  public record Message(
      String partnershipId, String authorId, ConsumerProgress.Position position) {}

  private final TopicFollower topics;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Set<String> deliveries = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Set<String>> dueByWeek = new ConcurrentHashMap<>();
  private final Set<String> late = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> mailsByKind = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> failedByKind = new ConcurrentHashMap<>();
  private final Map<String, Formed> formed = new ConcurrentHashMap<>();
  private final Map<String, Planned> planned = new ConcurrentHashMap<>();
  private final Map<String, Dissolved> dissolved = new ConcurrentHashMap<>();
  private final Map<String, List<String>> completed = new ConcurrentHashMap<>();
  private final Set<String> waitlistings = ConcurrentHashMap.newKeySet();
  private final Set<String> waitlistedPeople = ConcurrentHashMap.newKeySet();
  private final Map<String, Reminder> reminders = new ConcurrentHashMap<>();
  private final Set<String> flaggedReports = ConcurrentHashMap.newKeySet();
  private final Map<String, Message> messages = new ConcurrentHashMap<>();
  private volatile @Nullable String cycleId;
  private volatile @Nullable Instant runningAt;
  private volatile @Nullable Instant completedAt;
  private volatile @Nullable Instant programmeStartedAt;
  private volatile @Nullable Instant programmeEndedAt;

  private ProgrammeEvents(TopicFollower topics) {
    this.topics = topics;
  }

  /** Positions a consumer at the current end of every topic (waiting for them to exist). */
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
    if (type == null) {
      return;
    }
    JsonNode data = JSON.readTree(record.value());
    if (!data.path("cycleId").asString("").equals(cycleId)) {
      return;
    }
    String id = TopicFollower.header(record, CloudEventHeaders.ID);
    if (id != null && !seen.add(id)) {
      return; // a redelivered event
    }
    if (PROMPT_DUE.equals(type)) {
      String delivery = data.path("deliveryId").asString("");
      if (deliveries.add(delivery)) {
        if (data.path("late").asBoolean(false)) {
          late.add(delivery);
        }
        dueByWeek
            .computeIfAbsent(data.path("week").asInt(0), w -> ConcurrentHashMap.newKeySet())
            .add(delivery);
      }
    } else if (MAIL_SENT.equals(type) || MAIL_FAILED.equals(type)) {
      (MAIL_SENT.equals(type) ? mailsByKind : failedByKind)
          .computeIfAbsent(data.path("kind").asString("?"), k -> ConcurrentHashMap.newKeySet())
          .add(data.path("mailId").asString(""));
    } else if (PROMPTS_PLANNED.equals(type)) {
      planned.putIfAbsent(
          data.path("partnershipId").asString(""),
          new Planned(ids(data.path("members"), "participantId"), data.path("weeks").asInt(0)));
    } else if (FORMED.equals(type)) {
      String partnership = data.path("partnershipId").asString("");
      formed.putIfAbsent(
          partnership,
          new Formed(
              partnership,
              ids(data.path("members"), "participantId"),
              data.path("origin").asString(""),
              Instant.parse(data.path("formedAt").asString())));
    } else if (DISSOLVED.equals(type)) {
      dissolved.putIfAbsent(
          data.path("partnershipId").asString(""),
          new Dissolved(
              data.path("reason").asString(""),
              ids(data.path("leaving"), null),
              ids(data.path("remaining"), null),
              position(record)));
    } else if (COMPLETED.equals(type)) {
      completed.putIfAbsent(
          data.path("partnershipId").asString(""), ids(data.path("members"), null));
    } else if (WAITLISTED.equals(type)) {
      String participant = data.path("participantId").asString("");
      waitlistings.add(participant + ":" + data.path("runId").asString(""));
      waitlistedPeople.add(participant);
    } else if (REMINDED.equals(type)) {
      String report = data.path("reportId").asString("");
      reminders.putIfAbsent(
          report,
          new Reminder(
              report,
              data.path("partnershipId").asString(""),
              data.path("reportedBy").asString(""),
              ids(data.path("reminded"), null)));
    } else if (QUIET.equals(type)) {
      if ("REPORTED".equals(data.path("reason").asString(""))) {
        flaggedReports.add(data.path("reportId").asString(""));
      }
    } else if (MESSAGE_POSTED.equals(type)) {
      messages.putIfAbsent(
          data.path("messageId").asString(""),
          new Message(
              data.path("partnershipId").asString(""),
              data.path("authorId").asString(""),
              position(record)));
    } else if (CYCLE_RUNNING.equals(type)) {
      runningAt = Instant.parse(data.path("startedAt").asString());
    } else if (CYCLE_COMPLETED.equals(type)) {
      completedAt = Instant.parse(data.path("completedAt").asString());
    } else if (PROGRAMME_STARTED.equals(type)) {
      programmeStartedAt = Instant.parse(data.path("startedAt").asString());
    } else if (PROGRAMME_ENDED.equals(type)) {
      programmeEndedAt = Instant.parse(data.path("endedAt").asString());
    }
  }

  private static List<String> ids(JsonNode array, @Nullable String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(field == null ? n.asString() : n.path(field).asString()));
    return List.copyOf(ids);
  }

  private static ConsumerProgress.Position position(ConsumerRecord<?, ?> record) {
    return new ConsumerProgress.Position(record.topic(), record.partition(), record.offset());
  }

  /** Waits until {@code condition} holds or {@code deadline} passes; true if it holds. */
  public boolean awaitUntil(BooleanSupplier condition, Instant deadline) {
    return topics.awaitUntil(condition, deadline);
  }

  // ---------------------------------------------------------------------------- prompts

  /** Distinct {@code PromptDue} deliveries of a week. */
  public int due(int week) {
    Set<String> set = dueByWeek.get(week);
    return set == null ? 0 : set.size();
  }

  /**
   * The deliveries week {@code week} owes so far: one per member of each partnership planned for it
   * (its prompts run from {@code prompts − weeks + 1} to the cycle's last, {@code prompts}) that
   * has not ended, for whom {@code dueNow} says the prompt is due by now.
   */
  public int dueExpected(int week, int prompts, java.util.function.Predicate<String> dueNow) {
    int expected = 0;
    for (var e : planned.entrySet()) {
      if (dissolved.containsKey(e.getKey()) || completed.containsKey(e.getKey())) {
        continue;
      }
      if (prompts - e.getValue().weeks() + 1 <= week) {
        expected += (int) e.getValue().members().stream().filter(dueNow).count();
      }
    }
    return expected;
  }

  /** Deliveries sent more than a day after they were due (the scheduler ran behind the clock). */
  public int late() {
    return late.size();
  }

  public int dueTotal() {
    return deliveries.size();
  }

  // ------------------------------------------------------------------------------ mails

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

  /** Mails that failed for good, by kind. */
  public Map<String, Integer> failedByKind() {
    Map<String, Integer> counts = new TreeMap<>();
    failedByKind.forEach((k, v) -> counts.put(k, v.size()));
    return counts;
  }

  /**
   * The introductions the partnerships formed so far owe, by kind, as messaging decides them: once
   * a partnership is both formed and planned, each member gets {@code INTRODUCTION} for their first
   * partnership of the cycle, {@code NEW_PARTNER} for a later one, and nothing if they had every
   * partner of it before.
   */
  public Map<String, Integer> introductionsExpected() {
    Map<String, List<Formed>> byMember = new TreeMap<>();
    for (Formed f : formed.values()) {
      for (String m : f.members()) {
        byMember.computeIfAbsent(m, k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, Integer> expected = new TreeMap<>();
    for (var e : byMember.entrySet()) {
      List<Formed> theirs = new ArrayList<>(e.getValue());
      theirs.sort(Comparator.comparing(Formed::formedAt).thenComparing(Formed::id));
      Set<String> hadBefore = new HashSet<>();
      for (int i = 0; i < theirs.size(); i++) {
        Formed f = theirs.get(i);
        List<String> partners = f.members().stream().filter(m -> !m.equals(e.getKey())).toList();
        if (planned.containsKey(f.id())) {
          if (i == 0) {
            expected.merge("INTRODUCTION", 1, Integer::sum);
          } else if (!hadBefore.containsAll(partners)) {
            expected.merge("NEW_PARTNER", 1, Integer::sum);
          }
        }
        hadBefore.addAll(f.members());
      }
    }
    return expected;
  }

  // ----------------------------------------------------------------------- partnerships

  public Map<String, Formed> formed() {
    return Map.copyOf(formed);
  }

  public boolean planned(String partnershipId) {
    return planned.containsKey(partnershipId);
  }

  public Map<String, Dissolved> dissolved() {
    return Map.copyOf(dissolved);
  }

  /** Completed partnerships and their members. */
  public Map<String, List<String>> completed() {
    return Map.copyOf(completed);
  }

  /** Partnerships formed and neither dissolved nor completed. */
  public List<Formed> active() {
    return formed.values().stream()
        .filter(f -> !dissolved.containsKey(f.id()) && !completed.containsKey(f.id()))
        .sorted(Comparator.comparing(Formed::formedAt).thenComparing(Formed::id))
        .toList();
  }

  /** The participant's partnership formed and still active, other than {@code except}. */
  public @Nullable Formed activeOf(String participantId, Collection<String> except) {
    return active().stream()
        .filter(f -> f.members().contains(participantId) && !except.contains(f.id()))
        .findFirst()
        .orElse(null);
  }

  /** {@code ParticipantWaitlisted} told by matching: one per person and run. */
  public int waitlistings() {
    return waitlistings.size();
  }

  public boolean waitlistedByMatching(String participantId) {
    return waitlistedPeople.contains(participantId);
  }

  // --------------------------------------------------------------------- quiet partners

  public Map<String, Reminder> reminders() {
    return Map.copyOf(reminders);
  }

  /** Reports whose grace period ran out unanswered ({@code PartnershipQuiet REPORTED}). */
  public Set<String> flaggedReports() {
    return Set.copyOf(flaggedReports);
  }

  public Map<String, Message> messages() {
    return Map.copyOf(messages);
  }

  // ------------------------------------------------------------------------------ cycle

  /** Programme time registration moved the cycle to {@code RUNNING}, or null. */
  public @Nullable Instant runningAt() {
    return runningAt;
  }

  /** Programme time registration moved the cycle to {@code COMPLETED}, or null. */
  public @Nullable Instant completedAt() {
    return completedAt;
  }

  public @Nullable Instant programmeStartedAt() {
    return programmeStartedAt;
  }

  public @Nullable Instant programmeEndedAt() {
    return programmeEndedAt;
  }

  @Override
  public void close() {
    topics.close();
  }
}
