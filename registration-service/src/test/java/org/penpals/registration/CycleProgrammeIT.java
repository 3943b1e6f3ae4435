package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.MatchingRunCompleted;
import org.penpals.contracts.registration.CycleArchived;
import org.penpals.contracts.registration.CycleCompleted;
import org.penpals.contracts.registration.CycleRunning;
import org.penpals.contracts.registration.CycleUpdated;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.ApplicationFixture;
import org.penpals.registration.support.CycleFixture;
import org.penpals.registration.support.OtherServices;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The cycle after registration: matching's runs and publication, programme time from prompt-service
 * (in order, out of order, redelivered), and staff archiving.
 */
@PenpalsIntegrationTest
class CycleProgrammeIT {
  static final Instant STARTED = Instant.parse("2027-02-28T10:00:00Z");
  static final Instant ENDED = Instant.parse("2027-06-27T12:00:00Z");

  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  RegistrationApi api;
  OtherServices others;
  final String coordinator = TestTokens.staff(Role.COORDINATOR);

  @BeforeEach
  void setUp() {
    api = new RegistrationApi(port);
    others = new OtherServices();
  }

  @AfterEach
  void tearDown() {
    others.close();
  }

  @Test
  void shouldMoveAClosedCycleToMatchingWhenARunCompletesAndKeepTheLastRunsFigures() {
    String cycleId = closedCycle();
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      // when matching finishes a run, the event delivered twice, then a later run
      MatchingRunCompleted first =
          OtherServices.runCompleted(cycleId, "run-a", 40, 38, 0.0, Instant.now());
      others.publish(MatchingEvents.RUN_COMPLETED, first, "run-a-event-" + cycleId);
      others.publish(MatchingEvents.RUN_COMPLETED, first, "run-a-event-" + cycleId);
      awaitStatus(cycleId, "MATCHING");
      others.runCompleted(
          OtherServices.runCompleted(
              cycleId, "run-b", 41, 40, 0.0125, Instant.now().plusSeconds(1)));

      // then the cycle is MATCHING once, and shows the later run's figures
      JsonNode lastRun =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> cycle(cycleId).get("lastRun"), run -> "run-b".equals(runId(run)));
      assertThat(lastRun.get("people").asInt()).isEqualTo(41);
      assertThat(lastRun.get("matched").asInt()).isEqualTo(40);
      assertThat(lastRun.get("gap").asDouble()).isEqualTo(0.0125);
      assertThat(lastRun.get("completedAt").asString()).isNotBlank();
      topic.await(r -> cycleId.equals(r.key()), 1);
      assertThat(topic.drain(Duration.ofSeconds(1)))
          .filteredOn(r -> cycleId.equals(r.key()))
          .hasSize(1)
          .first()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo(RegistrationEvents.CYCLE_UPDATED.type());
                assertThat(e.as(CycleUpdated.class).cycle().status().name()).isEqualTo("MATCHING");
              });
    }
  }

  @Test
  void shouldRunAndCompleteAPublishedCycleOnProgrammeTimeOnceEach() {
    String cycleId = closedCycle();
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      others.matchesPublished(cycleId);
      awaitStatus(cycleId, "MATCHES_PUBLISHED");

      others.programmeStarted(cycleId, LocalDate.parse("2027-03-01"), STARTED);
      JsonNode running = awaitStatus(cycleId, "RUNNING");
      assertThat(running.get("runningSince").asString()).isEqualTo(STARTED.toString());
      assertThat(running.get("completedAt").isNull()).isTrue();

      others.programmeEnded(cycleId, LocalDate.parse("2027-06-27"), ENDED);
      JsonNode completed = awaitStatus(cycleId, "COMPLETED");
      assertThat(completed.get("completedAt").asString()).isEqualTo(ENDED.toString());
      assertThat(completed.get("runningSince").asString()).isEqualTo(STARTED.toString());

      // when prompt-service says both again (new events, same facts)
      others.programmeStarted(cycleId, LocalDate.parse("2027-03-01"), STARTED.plusSeconds(5));
      others.programmeEnded(cycleId, LocalDate.parse("2027-06-27"), ENDED.plusSeconds(5));

      // then one event per move, and nothing for the repeats
      List<CloudEventRecord> events =
          topic.drain(Duration.ofSeconds(3)).stream().filter(r -> cycleId.equals(r.key())).toList();
      assertThat(events)
          .extracting(CloudEventRecord::type)
          .containsExactly(
              RegistrationEvents.CYCLE_UPDATED.type(),
              RegistrationEvents.CYCLE_RUNNING.type(),
              RegistrationEvents.CYCLE_COMPLETED.type());
      CycleRunning runningEvent = events.get(1).as(CycleRunning.class);
      assertThat(runningEvent.startedAt()).isEqualTo(STARTED);
      assertThat(runningEvent.cycle().status().name()).isEqualTo("RUNNING");
      CycleCompleted completedEvent = events.get(2).as(CycleCompleted.class);
      assertThat(completedEvent.completedAt()).isEqualTo(ENDED);
      assertThat(completedEvent.cycle().status().name()).isEqualTo("COMPLETED");
      assertThat(cycle(cycleId).get("completedAt").asString()).isEqualTo(ENDED.toString());
    }
  }

  @Test
  void shouldKeepProgrammeFactsThatArriveBeforePublicationAndOweEveryMoveInOrder() {
    String cycleId = closedCycle();
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      // given programme time passed the cycle's whole programme before matching published it
      others.programmeStarted(cycleId, LocalDate.parse("2027-03-01"), STARTED);
      others.programmeEnded(cycleId, LocalDate.parse("2027-06-27"), ENDED);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> stored(cycleId).getDate("programmeEndedAt") != null);
      assertThat(stored(cycleId).getDate("programmeStartedAt").toInstant()).isEqualTo(STARTED);
      assertThat(cycle(cycleId).get("status").asString()).isEqualTo("REGISTRATION_CLOSED");

      // when matching publishes it
      others.matchesPublished(cycleId);

      // then it is published, running and completed at once, each move an event, in order
      awaitStatus(cycleId, "COMPLETED");
      List<CloudEventRecord> events = topic.await(r -> cycleId.equals(r.key()), 3);
      assertThat(events)
          .extracting(CloudEventRecord::type)
          .containsExactly(
              RegistrationEvents.CYCLE_UPDATED.type(),
              RegistrationEvents.CYCLE_RUNNING.type(),
              RegistrationEvents.CYCLE_COMPLETED.type());
      assertThat(events.get(0).as(CycleUpdated.class).cycle().status().name())
          .isEqualTo("MATCHES_PUBLISHED");
      assertThat(events.get(1).as(CycleRunning.class).cycle().status().name()).isEqualTo("RUNNING");
      assertThat(topic.drain(Duration.ofSeconds(1)))
          .filteredOn(r -> cycleId.equals(r.key()))
          .hasSize(3);
    }
  }

  @Test
  void shouldRunAndCompleteAtOnceWhenTheEndIsKnownOnPublication() {
    String cycleId = closedCycle();
    others.matchesPublished(cycleId);
    awaitStatus(cycleId, "MATCHES_PUBLISHED");
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      // the end arrives first (the two facts are separate events)
      others.programmeEnded(cycleId, LocalDate.parse("2027-06-27"), ENDED);
      awaitStatus(cycleId, "COMPLETED");
      others.programmeStarted(cycleId, LocalDate.parse("2027-03-01"), STARTED);

      assertThat(
              topic.await(r -> cycleId.equals(r.key()), 2).stream()
                  .map(CloudEventRecord::type)
                  .toList())
          .containsExactly(
              RegistrationEvents.CYCLE_RUNNING.type(), RegistrationEvents.CYCLE_COMPLETED.type());
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> stored(cycleId).getDate("programmeStartedAt") != null);
      assertThat(topic.drain(Duration.ofSeconds(1)))
          .filteredOn(r -> cycleId.equals(r.key()))
          .hasSize(2);
      assertThat(cycle(cycleId).get("status").asString()).isEqualTo("COMPLETED");
    }
  }

  @Test
  void shouldArchiveACompletedCycleOnceAndRefuseAnyOther() {
    String open = api.openCycle();
    Api.Response archiveOpen = archive(open);
    assertThat(archiveOpen.status()).isEqualTo(409);
    assertThat(archiveOpen.isProblem()).isTrue();
    assertThat(archiveOpen.json().get("detail").asString()).contains("REGISTRATION_OPEN");
    assertThat(cycle(open).get("status").asString()).isEqualTo("REGISTRATION_OPEN");

    String cycleId = completedCycle();
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      Api.Response archived = archive(cycleId);

      assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
      assertThat(archived.json().get("status").asString()).isEqualTo("ARCHIVED");
      assertThat(archived.json().get("archivedAt").asString()).isNotBlank();
      CycleArchived event =
          topic
              .await(TopicReader.event(RegistrationEvents.CYCLE_ARCHIVED.type(), cycleId), 1)
              .get(0)
              .as(CycleArchived.class);
      assertThat(event.cycle().status().name()).isEqualTo("ARCHIVED");
      assertThat(event.archivedAt().toString())
          .isEqualTo(archived.json().get("archivedAt").asString());

      Api.Response again = archive(cycleId);
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().get("detail").asString()).contains("ARCHIVED");
      assertThat(topic.drain(Duration.ofSeconds(1)))
          .filteredOn(r -> cycleId.equals(r.key()))
          .hasSize(1);
    }
  }

  @Test
  void shouldShowTheLastWeekAndNothingYetOnTheTimelineOfANewCycle() {
    String cycleId =
        api.openCycle(
            CycleFixture.aCycle()
                .with("registrationClosesAt", "2027-02-07T00:00:00Z")
                .with("partnershipStartsOn", "2027-03-01")
                .with("lengthWeeks", 17));

    JsonNode cycle = cycle(cycleId);

    assertThat(cycle.get("lastWeekEndsOn").asString()).isEqualTo("2027-06-27");
    assertThat(cycle.get("waitlisted").asLong()).isZero();
    assertThat(cycle.get("runningSince").isNull()).isTrue();
    assertThat(cycle.get("completedAt").isNull()).isTrue();
    assertThat(cycle.get("archivedAt").isNull()).isTrue();
    assertThat(cycle.get("lastRun").isNull()).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private String closedCycle() {
    String cycleId = api.openCycle();
    api.applied(cycleId, ApplicationFixture.anApplication());
    Api.Response closed =
        api.raw().post(RegistrationApi.BASE + "/cycles/" + cycleId + "/close", null, coordinator);
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    return cycleId;
  }

  /** A cycle taken to COMPLETED the way the other services do. */
  String completedCycle() {
    String cycleId = closedCycle();
    others.matchesPublished(cycleId);
    others.programmeStarted(cycleId, LocalDate.now(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    others.programmeEnded(cycleId, LocalDate.now(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    awaitStatus(cycleId, "COMPLETED");
    return cycleId;
  }

  private Api.Response archive(String cycleId) {
    return api.raw()
        .post(RegistrationApi.BASE + "/cycles/" + cycleId + "/archive", null, coordinator);
  }

  private JsonNode cycle(String cycleId) {
    Api.Response response =
        api.raw().get(RegistrationApi.BASE + "/cycles/" + cycleId, TestTokens.staff(Role.VIEWER));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private JsonNode awaitStatus(String cycleId, String status) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cycle(cycleId), c -> status.equals(c.get("status").asString()));
  }

  private Document stored(String cycleId) {
    return database.getCollection("cycles").find(Filters.eq("_id", cycleId)).first();
  }

  private static String runId(JsonNode run) {
    return run == null || run.isNull() ? null : run.get("runId").asString();
  }
}
