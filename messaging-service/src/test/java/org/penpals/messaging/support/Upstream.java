package org.penpals.messaging.support;

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
import org.penpals.contracts.matching.ParticipantWaitlisted;
import org.penpals.contracts.matching.PartnershipCompleted;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PartnerReminded;
import org.penpals.contracts.prompts.PromptContent;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptsPlanned;
import org.penpals.contracts.registration.Admission;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.contracts.registration.CycleArchived;
import org.penpals.contracts.registration.CycleCompleted;
import org.penpals.contracts.registration.CycleDetails;
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
 * Stands in for registration, matching and prompt-service: publishes their events, with CloudEvents
 * headers, to the shared broker. Each call returns the event id so a test can deliver it again.
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
    return sendRaw(type.topic(), type.type(), type.keyOf(event), json.write(event), eventId);
  }

  /** Sends any bytes as an event of {@code type} (for poison). */
  public String sendRaw(String topic, String type, String key, byte[] data, String eventId) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data);
    record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
    record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
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

  /** A participant as registration describes them. */
  public record Person(
      String id,
      String cycleId,
      String name,
      String email,
      String country,
      String organisation,
      String zone,
      String locale) {
    public ParticipantProfile profile() {
      return new ParticipantProfile(
          name,
          email,
          country,
          "City",
          organisation,
          LibrarySector.ACADEMIC,
          "Librarian",
          7,
          List.of(new LanguageSkill("en", true)),
          List.of("advocacy"),
          "",
          zone,
          new PartnerPreferences(SectorPreference.NO_PREFERENCE, List.of()),
          false,
          locale);
    }
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public Person register(
      String cycleId,
      String name,
      String country,
      String organisation,
      String zone,
      String locale) {
    String id = unique("p");
    return register(
        new Person(id, cycleId, name, id + "@example.org", country, organisation, zone, locale));
  }

  public Person register(Person person) {
    String id = person.id();
    String cycleId = person.cycleId();
    send(
        new ParticipantRegistered(
            id, cycleId, "pk-" + id, 1, person.profile(), Admission.ADMITTED, null));
    return person;
  }

  /** Registration waitlisted the application ({@code CAPACITY} or {@code COUNTRY_CAP}). */
  public Person registerWaitlisted(
      String cycleId, String name, String country, String zone, String locale, String reason) {
    String id = unique("p");
    return registerWaitlisted(
        new Person(id, cycleId, name, id + "@example.org", country, "Library", zone, locale),
        reason);
  }

  /** Registration waitlisted this person's application. */
  public Person registerWaitlisted(Person person, String reason) {
    String id = person.id();
    send(
        new ParticipantRegistered(
            id, person.cycleId(), "pk-" + id, 1, person.profile(), Admission.WAITLISTED, reason));
    return person;
  }

  /** A person registration knows and this service does not yet (nothing is sent). */
  public static Person notYetRegistered(
      String cycleId, String name, String country, String zone, String locale) {
    String id = unique("p");
    return new Person(
        id, cycleId, name, id + "@example.org", country, "Library of " + name, zone, locale);
  }

  /** The person confirmed their email; returns the event id. */
  public String verified(Person person) {
    return send(new ParticipantEmailVerified(person.id(), person.cycleId(), 2, Instant.now()));
  }

  /** A waitlisted person was given a place; returns the event id. */
  public String admitted(Person person, AdmissionRoute route) {
    return send(new ParticipantAdmitted(person.id(), person.cycleId(), 3, route, Instant.now()));
  }

  public String withdrawn(Person person) {
    return send(new ParticipantWithdrawn(person.id(), person.cycleId(), 9, Instant.now(), null));
  }

  /** Matching could not pair the person in run {@code runId}. */
  public String waitlistedByMatching(Person person, String runId) {
    return send(
        new ParticipantWaitlisted(
            person.id(), person.cycleId(), "NO_VALID_PARTNER", runId, Instant.now()));
  }

  public String dissolved(
      String partnershipId,
      String cycleId,
      String reason,
      List<Person> leaving,
      List<Person> remaining) {
    return send(
        new PartnershipDissolved(
            partnershipId,
            cycleId,
            reason,
            leaving.stream().map(Person::id).toList(),
            remaining.stream().map(Person::id).toList(),
            Instant.now()));
  }

  public String completed(String partnershipId, String cycleId, Person... members) {
    return send(
        new PartnershipCompleted(
            partnershipId,
            cycleId,
            List.of(members).stream().map(Person::id).toList(),
            Instant.now()));
  }

  public PartnerReminded reminded(
      String partnershipId, Person reporter, Instant answerBy, Person... quiet) {
    PartnerReminded reminded =
        new PartnerReminded(
            partnershipId,
            reporter.cycleId(),
            unique("report"),
            reporter.id(),
            List.of(quiet).stream().map(Person::id).toList(),
            answerBy,
            Instant.now());
    send(reminded);
    return reminded;
  }

  /** A cycle's details as registration describes them, in {@code status}. */
  public static CycleDetails cycle(String name, CycleStatus status) {
    return new CycleDetails(
        name,
        Instant.parse("2030-01-01T00:00:00Z"),
        Instant.parse("2030-02-01T00:00:00Z"),
        LocalDate.parse("2030-03-04"),
        17,
        PromptCadence.WEEKLY,
        DayOfWeek.MONDAY,
        9,
        100,
        20,
        status);
  }

  public String cycleRunning(String cycleId, String name) {
    return send(new CycleRunning(cycleId, cycle(name, CycleStatus.RUNNING), Instant.now()));
  }

  public String cycleCompleted(String cycleId, String name) {
    return send(new CycleCompleted(cycleId, cycle(name, CycleStatus.COMPLETED), Instant.now()));
  }

  public String cycleArchived(String cycleId, String name) {
    return send(new CycleArchived(cycleId, cycle(name, CycleStatus.ARCHIVED), Instant.now()));
  }

  public String formed(String cycleId, Person... members) {
    return formed(unique("ps"), cycleId, members);
  }

  /** A partnership with this id (a trio's two others re-formed as {@code <id>-r}, say). */
  public String formed(String id, String cycleId, Person... members) {
    send(
        new PartnershipFormed(
            id,
            cycleId,
            List.of(members).stream()
                .map(m -> new PartnershipMember(m.id(), m.zone(), m.locale()))
                .toList(),
            42,
            "INITIAL",
            "run-1",
            Instant.now()));
    return id;
  }

  public void planned(
      String partnershipId, String cycleId, PromptContent first, Person... members) {
    send(
        new PromptsPlanned(
            partnershipId,
            cycleId,
            List.of(members).stream()
                .map(
                    m ->
                        new PromptsPlanned.PlannedMember(
                            m.id(), Instant.parse("2030-03-04T08:00:00Z")))
                .toList(),
            first,
            17));
  }

  public static PromptContent prompt(String title) {
    return new PromptContent(
        "pr-" + title.hashCode(),
        "PROMPT",
        title,
        "What does **your** library do for <b>newcomers</b>?",
        Map.of(
            "es",
            new PromptContent.Translation(
                "ES " + title, "¿Qué hace **su** biblioteca por los recién llegados?"),
            "fr",
            new PromptContent.Translation(
                "FR " + title, "Que fait **votre** bibliothèque pour les nouveaux venus ?")));
  }

  public PromptDue due(Person person, String partnershipId, int week, boolean late) {
    PromptDue due =
        new PromptDue(
            unique("d"),
            partnershipId,
            person.cycleId(),
            person.id(),
            week,
            prompt("Week " + week),
            Instant.parse("2030-03-11T08:00:00Z"),
            late);
    send(due);
    return due;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(1));
  }
}
