package org.penpals.cli.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
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
  private static final String ADMITTED = RegistrationEvents.PARTICIPANT_ADMITTED.type();
  private static final String WITHDRAWN = RegistrationEvents.PARTICIPANT_WITHDRAWN.type();

  /** A verification token from a {@code verification-requested} event. */
  public record VerificationToken(String participantId, String token) {}

  private final TopicFollower topic;
  private final Map<String, String> admissions = new ConcurrentHashMap<>();
  private final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();
  private final Queue<VerificationToken> tokens = new ConcurrentLinkedQueue<>();
  private final Set<String> verified = ConcurrentHashMap.newKeySet();
  private final Map<String, String> admittedBy = new ConcurrentHashMap<>();
  private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
  private volatile long lastRegisteredAtMillis;
  private volatile @Nullable String cycleId;

  private ParticipantEvents(TopicFollower topic) {
    this.topic = topic;
  }

  /** Positions a consumer at the current end of the participants topic (creating it if need be). */
  public static ParticipantEvents atEnd(String bootstrapServers, Duration timeout) {
    // fetch wait 50 ms: see an event soon after its arrival, the benchmark times the last one
    return new ParticipantEvents(
        TopicFollower.atEnd(
            bootstrapServers,
            List.of(Topics.REGISTRATION_PARTICIPANTS),
            "penpals-cli",
            50,
            timeout));
  }

  /** Starts following the events of {@code cycle} on a background thread. */
  public ParticipantEvents follow(String cycle) {
    this.cycleId = cycle;
    topic.start("penpals-events", this::accept);
    return this;
  }

  private void accept(ConsumerRecord<String, byte[]> record) {
    String type = TopicFollower.header(record, CloudEventHeaders.TYPE);
    if (type == null
        || !(type.equals(REGISTERED)
            || type.equals(VERIFICATION_REQUESTED)
            || type.equals(EMAIL_VERIFIED)
            || type.equals(ADMITTED)
            || type.equals(WITHDRAWN))) {
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
    } else if (type.equals(ADMITTED)) {
      admittedBy.putIfAbsent(participantId, data.path("route").asString("?"));
    } else if (type.equals(WITHDRAWN)) {
      withdrawn.add(participantId);
    } else {
      verified.add(participantId);
    }
  }

  /** Waits until {@code condition} holds or {@code deadline} passes; true if it holds. */
  public boolean awaitUntil(BooleanSupplier condition, Instant deadline) {
    return topic.awaitUntil(condition, deadline);
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

  /** Who confirmed their email. */
  public Set<String> verifiedIds() {
    return Set.copyOf(verified);
  }

  /** Waitlisted applicants given a place later, by route ({@code STAFF}, {@code FREED_PLACE}). */
  public Map<String, Long> admittedByRoute() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    admittedBy.values().forEach(r -> counts.merge(r, 1L, Long::sum));
    return counts;
  }

  /** Participants of the cycle who withdrew ({@code ParticipantWithdrawn}). */
  public Set<String> withdrawnIds() {
    return Set.copyOf(withdrawn);
  }

  /** Wall clock when the latest new {@code ParticipantRegistered} of the cycle was first seen. */
  public long lastRegisteredAtMillis() {
    return lastRegisteredAtMillis;
  }

  public long recordsRead() {
    return topic.recordsRead();
  }

  @Override
  public void close() {
    topic.close();
  }
}
