package org.penpals.matching.support;

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
import org.penpals.contracts.registration.Admission;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.contracts.registration.CycleArchived;
import org.penpals.contracts.registration.CycleCompleted;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.CycleRegistrationClosed;
import org.penpals.contracts.registration.CycleRunning;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.LibrarySector;
import org.penpals.contracts.registration.ParticipantAdmitted;
import org.penpals.contracts.registration.ParticipantEmailVerified;
import org.penpals.contracts.registration.ParticipantProfile;
import org.penpals.contracts.registration.ParticipantRegistered;
import org.penpals.contracts.registration.ParticipantWithdrawn;
import org.penpals.contracts.registration.PartnerPreferences;
import org.penpals.contracts.registration.PromptCadence;
import org.penpals.contracts.registration.SectorPreference;
import org.penpals.platform.events.EventJson;
import org.penpals.platform.testkit.SharedInfrastructure;

/**
 * Stands in for registration-service (and prompt-service): publishes their events, with CloudEvents
 * headers, to the shared broker. Each call returns the event id so a test can deliver it again.
 */
public final class Registrations implements AutoCloseable {
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
    String key = type.keyOf(event);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(type.topic(), key, json.write(event));
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

  /** A closed cycle whose partnerships start in a month. */
  public String closedCycle() {
    String id = "cycle-" + UUID.randomUUID();
    send(new CycleRegistrationClosed(id, details(CycleStatus.REGISTRATION_CLOSED), 0, 0));
    return id;
  }

  public static CycleDetails details(CycleStatus status) {
    Instant now = Instant.now();
    return new CycleDetails(
        "Matching test",
        now.minus(Duration.ofDays(30)),
        now.minus(Duration.ofDays(1)),
        LocalDate.now().plusDays(30),
        17,
        PromptCadence.WEEKLY,
        DayOfWeek.MONDAY,
        9,
        1000,
        100,
        status);
  }

  /** The programme of the cycle started: registration's CycleRunning. */
  public String running(String cycleId) {
    return send(new CycleRunning(cycleId, details(CycleStatus.RUNNING), Instant.now()));
  }

  /** The cycle's last week is over: registration's CycleCompleted. */
  public String completed(String cycleId, Instant at) {
    return send(new CycleCompleted(cycleId, details(CycleStatus.COMPLETED), at));
  }

  public String archived(String cycleId) {
    return send(new CycleArchived(cycleId, details(CycleStatus.ARCHIVED), Instant.now()));
  }

  public static ParticipantProfile profile(String country, String zone, String... languages) {
    return new ParticipantProfile(
        "Person " + UUID.randomUUID().toString().substring(0, 6),
        UUID.randomUUID().toString().substring(0, 8) + "@example.org",
        country,
        "City",
        "Library",
        LibrarySector.PUBLIC,
        "Librarian",
        5,
        List.of(languages).stream().map(l -> new LanguageSkill(l, true)).toList(),
        List.of("advocacy", "open-access"),
        "",
        zone,
        new PartnerPreferences(SectorPreference.NO_PREFERENCE, List.of()),
        false,
        "en");
  }

  /** Registers and verifies a participant; returns its id. */
  public String verified(String cycleId, ParticipantProfile profile) {
    String id = "p-" + UUID.randomUUID();
    send(new ParticipantRegistered(id, cycleId, "pk-" + id, 1, profile, Admission.ADMITTED, null));
    send(new ParticipantEmailVerified(id, cycleId, 2, Instant.now()));
    return id;
  }

  /** Registers and verifies someone registration waitlisted (capacity); returns its id. */
  public String waitlisted(String cycleId, ParticipantProfile profile) {
    String id = "p-" + UUID.randomUUID();
    send(
        new ParticipantRegistered(
            id, cycleId, "pk-" + id, 1, profile, Admission.WAITLISTED, "CAPACITY"));
    send(new ParticipantEmailVerified(id, cycleId, 2, Instant.now()));
    return id;
  }

  /** Registration admitted a waitlisted participant. */
  public String admit(String cycleId, String participantId, long revision) {
    return send(
        new ParticipantAdmitted(
            participantId, cycleId, revision, AdmissionRoute.STAFF, Instant.now()));
  }

  public void withdraw(String cycleId, String participantId, long revision) {
    send(new ParticipantWithdrawn(participantId, cycleId, revision, Instant.now(), "moving"));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(1));
  }
}
