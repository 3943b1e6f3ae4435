package org.penpals.prompt.support;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.EventCatalog;
import org.penpals.contracts.EventType;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.CycleRegistrationClosed;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.contracts.registration.ParticipantErased;
import org.penpals.contracts.registration.PromptCadence;
import org.penpals.platform.events.EventJson;
import org.penpals.platform.testkit.SharedInfrastructure;

/**
 * Stands in for registration, matching and messaging: publishes their events, with CloudEvents
 * headers, to the shared broker. Each call returns what a test needs to follow it.
 */
public final class Upstream implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer =
      new KafkaProducer<>(
          Map.of(
              "bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
              "key.serializer", StringSerializer.class,
              "value.serializer", ByteArraySerializer.class));
  private final EventJson json = new EventJson();

  public String send(Object event) {
    return send(event, UUID.randomUUID().toString());
  }

  /** Sends (or re-sends) an event with this id. */
  public String send(Object event, String eventId) {
    EventType<?> type = EventCatalog.of(event.getClass());
    return sendRaw(type, type.keyOf(event), json.write(event), eventId);
  }

  /** Sends any bytes as an event of {@code type}: for poison records. */
  public String sendRaw(EventType<?> type, String key, byte[] payload, String eventId) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, payload);
    record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
    record.headers().add(CloudEventHeaders.TYPE, type.type().getBytes(StandardCharsets.UTF_8));
    record.headers().add(CloudEventHeaders.SUBJECT, key.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return eventId;
  }

  /** A cycle whose matches are about to be published, as registration describes it. */
  public String cycle(
      LocalDate startsOn, int weeks, PromptCadence cadence, DayOfWeek weekday, int hour) {
    String id = "cycle-" + UUID.randomUUID();
    send(
        new CycleRegistrationClosed(
            id,
            new CycleDetails(
                "Prompt test " + id.substring(6, 14),
                Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"),
                startsOn,
                weeks,
                cadence,
                weekday,
                hour,
                1000,
                100,
                CycleStatus.REGISTRATION_CLOSED),
            0,
            0));
    return id;
  }

  /** A weekly 17-week cycle sending on Mondays at 09:00. */
  public String weeklyCycle(LocalDate startsOn) {
    return cycle(startsOn, 17, PromptCadence.WEEKLY, DayOfWeek.MONDAY, 9);
  }

  public static PartnershipMember member(String zone, String locale) {
    return new PartnershipMember("p-" + UUID.randomUUID(), zone, locale);
  }

  public PartnershipFormed formed(String cycleId, Instant formedAt, PartnershipMember... members) {
    PartnershipFormed formed =
        new PartnershipFormed(
            "ps-" + UUID.randomUUID(), cycleId, List.of(members), 42, "INITIAL", "run-1", formedAt);
    send(formed);
    return formed;
  }

  public void dissolved(PartnershipFormed p, String reason, Instant at) {
    send(
        new PartnershipDissolved(
            p.partnershipId(),
            p.cycleId(),
            reason,
            List.of(p.members().get(0).participantId()),
            p.members().stream().skip(1).map(PartnershipMember::participantId).toList(),
            at));
  }

  public void erased(String cycleId, String participantId) {
    send(new ParticipantErased(participantId, cycleId, 9, Instant.now()));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(1));
  }
}
