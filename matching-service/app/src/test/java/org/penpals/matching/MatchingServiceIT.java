package org.penpals.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.matching.support.Registrations.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.MatchingRunCompleted;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.registration.ParticipantRegistered;
import org.penpals.matching.support.Registrations;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The service end to end: registration events in, runs, publication and partnership events out. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingServiceIT {
  @LocalServerPort int port;
  Api api;
  final Registrations registrations = new Registrations();
  final String coordinator = TestTokens.staff(Role.COORDINATOR);

  @org.springframework.beans.factory.annotation.Autowired
  org.penpals.matching.partnership.Partnerships partnerships;

  @org.springframework.beans.factory.annotation.Autowired
  org.penpals.matching.partnership.PublicationRecovery recovery;

  @BeforeEach
  void api() {
    api = new Api(port);
  }

  @AfterAll
  void close() {
    registrations.close();
  }

  private void awaitMatchable(String cycleId, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Api.Response pool = api.get("/api/matching/cycles/" + cycleId + "/pool", coordinator);
              return pool.status() == 200 && pool.json().get("matchable").asInt() == count;
            });
  }

  private JsonNode runToCompletion(String cycleId, String body) {
    Api.Response started = api.post("/api/matching/cycles/" + cycleId + "/runs", body, coordinator);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String runId = started.json().get("id").asString();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !"RUNNING"
                    .equals(
                        api.get("/api/matching/runs/" + runId, coordinator)
                            .json()
                            .get("status")
                            .asString()));
    JsonNode run = api.get("/api/matching/runs/" + runId, coordinator).json();
    assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
    return run;
  }

  private String[] countries = {"BG", "US", "AU", "GB", "KE", "IN", "BR", "FR"};
  private String[] zones = {
    "Europe/Sofia", "America/Chicago", "Australia/Sydney", "Europe/London",
    "Africa/Nairobi", "Asia/Kolkata", "America/Sao_Paulo", "Europe/Paris"
  };

  private List<String> cohort(String cycleId, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(registrations.verified(cycleId, profile(countries[i % 8], zones[i % 8], "en")));
    }
    return ids;
  }

  @Test
  void shouldKeepThePoolFromRegistrationEventsAndIgnoreReplays() {
    String cycleId = registrations.closedCycle();
    String id = "p-replayed";
    var registered =
        new ParticipantRegistered(
            id,
            cycleId,
            "pk-replayed",
            1,
            profile("BG", "Europe/Sofia", "en"),
            org.penpals.contracts.registration.Admission.ADMITTED,
            null);
    String eventId = registrations.send(registered);
    registrations.send(
        new org.penpals.contracts.registration.ParticipantEmailVerified(
            id, cycleId, 2, Instant.now()));
    cohort(cycleId, 3);
    awaitMatchable(cycleId, 4);

    // replayed: the same event again, and an old revision under a new id
    registrations.send(registered, eventId);
    registrations.send(registered);
    cohort(cycleId, 1); // a marker that arrives after the replays

    awaitMatchable(cycleId, 5);
    JsonNode pool = api.get("/api/matching/cycles/" + cycleId + "/pool", coordinator).json();
    assertThat(pool.get("members").asInt()).isEqualTo(5);
    assertThat(pool.get("byStatus").get("VERIFIED").asInt()).isEqualTo(5);
  }

  @Test
  void shouldPreviewWithoutSideEffectsAndPublishOnePartnershipFormedPerPartnership() {
    String cycleId = registrations.closedCycle();
    cohort(cycleId, 24);
    awaitMatchable(cycleId, 24);
    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS);
        TopicReader runsTopic = TopicReader.fromNow(Topics.MATCHING_RUNS)) {
      // preview
      JsonNode run = runToCompletion(cycleId, "{}");
      String runId = run.get("id").asString();
      assertThat(run.get("quality").get("matchedPeople").asInt()).isEqualTo(24);
      assertThat(run.get("quality").get("matchableUpperBound").asInt()).isEqualTo(24);
      JsonNode groups =
          api.get("/api/matching/runs/" + runId + "/groups?size=100", coordinator).json();
      assertThat(groups.get("total").asInt()).isEqualTo(12);
      for (JsonNode group : groups.get("items")) {
        int sum = 0;
        for (JsonNode line : group.get("explanation")) {
          sum += line.get("points").asInt();
        }
        assertThat(sum)
            .as("explanation adds up to the score")
            .isEqualTo(group.get("score").asInt());
        assertThat(group.get("members").get(0).get("country").asString())
            .isNotEqualTo(group.get("members").get(1).get("country").asString());
      }
      assertThat(partnerships.drain(Duration.ofMillis(500)))
          .as("a preview publishes nothing")
          .isEmpty();

      // publish
      Api.Response published =
          api.post("/api/matching/runs/" + runId + "/publish", null, coordinator);
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
      assertThat(published.json().get("partnerships").asInt()).isEqualTo(12);
      List<CloudEventRecord> formed =
          partnerships.await(TopicReader.type(MatchingEvents.PARTNERSHIP_FORMED.type()), 12);
      runsTopic.await(
          r -> MatchingEvents.MATCHES_PUBLISHED.type().equals(r.type()) && cycleId.equals(r.key()),
          1);
      Set<String> partnershipIds = new HashSet<>();
      for (CloudEventRecord r : formed) {
        PartnershipFormed event = r.as(PartnershipFormed.class);
        assertThat(event.cycleId()).isEqualTo(cycleId);
        assertThat(event.origin()).isEqualTo("INITIAL");
        assertThat(event.members()).hasSize(2);
        partnershipIds.add(event.partnershipId());
      }
      assertThat(partnershipIds).hasSize(12);

      // publishing again is refused and emits nothing more
      assertThat(api.post("/api/matching/runs/" + runId + "/publish", null, coordinator).status())
          .isEqualTo(409);
      assertThat(partnerships.drain(Duration.ofMillis(800)))
          .filteredOn(TopicReader.type(MatchingEvents.PARTNERSHIP_FORMED.type()))
          .hasSize(12);
    }
  }

  @Test
  void shouldDissolveAndRepairFromTheWaitlistWhenAPartnerWithdraws() {
    String cycleId = registrations.closedCycle();
    api.put(
        "/api/matching/cycles/" + cycleId + "/settings",
        "{\"leftoverPolicy\":\"WAITLIST\",\"afterPublication\":\"AUTOMATIC\"}",
        coordinator);
    List<String> people = cohort(cycleId, 3); // BG, US, AU: one pair and one waitlisted
    awaitMatchable(cycleId, 3);
    JsonNode run = runToCompletion(cycleId, "{}");
    assertThat(run.get("waitlist")).hasSize(1);
    String waitlisted = run.get("waitlist").get(0).get("candidateId").asString();
    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      api.post("/api/matching/runs/" + run.get("id").asString() + "/publish", null, coordinator);
      PartnershipFormed first =
          partnerships
              .await(TopicReader.type(MatchingEvents.PARTNERSHIP_FORMED.type()), 1)
              .get(0)
              .as(PartnershipFormed.class);
      String leaving = first.members().get(0).participantId();
      String staying = first.members().get(1).participantId();

      // when one of the pair withdraws
      registrations.withdraw(cycleId, leaving, 3);

      // then the partnership is dissolved and the other is paired with the waitlisted person
      PartnershipDissolved dissolved =
          partnerships
              .await(TopicReader.type(MatchingEvents.PARTNERSHIP_DISSOLVED.type()), 1)
              .get(0)
              .as(PartnershipDissolved.class);
      assertThat(dissolved.leaving()).containsExactly(leaving);
      assertThat(dissolved.remaining()).containsExactly(staying);
      PartnershipFormed repaired =
          partnerships
              .await(
                  TopicReader.type(MatchingEvents.PARTNERSHIP_FORMED.type()),
                  2,
                  Duration.ofSeconds(60))
              .get(1)
              .as(PartnershipFormed.class);
      assertThat(repaired.origin()).isEqualTo("REPLACEMENT");
      assertThat(repaired.members())
          .extracting(m -> m.participantId())
          .containsExactlyInAnyOrder(staying, waitlisted);
      assertThat(people).contains(staying, waitlisted);
    }
  }

  @Test
  void shouldLockForbidAndExplainPairs() {
    String cycleId = registrations.closedCycle();
    List<String> people = cohort(cycleId, 4); // BG, US, AU, GB
    awaitMatchable(cycleId, 4);
    String path = "/api/matching/cycles/" + cycleId;

    Api.Response explain =
        api.post(path + "/explain", pair(people.get(0), people.get(1)), coordinator);
    assertThat(explain.status()).isEqualTo(200);
    assertThat(explain.json().get("hardRuleViolations")).isEmpty();
    assertThat(explain.json().get("score").get("lines")).isNotEmpty();

    assertThat(api.post(path + "/locks", pair(people.get(0), people.get(2)), coordinator).status())
        .isEqualTo(200);
    assertThat(
            api.post(path + "/forbids", pair(people.get(1), people.get(3)), coordinator).status())
        .isEqualTo(200);
    JsonNode run = runToCompletion(cycleId, "{}");
    JsonNode groups =
        api.get("/api/matching/runs/" + run.get("id").asString() + "/groups", coordinator).json();
    List<Set<String>> pairs = new ArrayList<>();
    for (JsonNode group : groups.get("items")) {
      Set<String> members = new HashSet<>();
      group.get("members").forEach(m -> members.add(m.get("participantId").asString()));
      pairs.add(members);
    }
    assertThat(pairs).contains(Set.of(people.get(0), people.get(2)));
    assertThat(pairs).doesNotContain(Set.of(people.get(1), people.get(3)));
  }

  @Test
  void shouldTellEveryFinishedRunOnceAndThePublishedOneAgain() {
    String cycleId = registrations.closedCycle();
    cohort(cycleId, 4);
    awaitMatchable(cycleId, 4);
    try (TopicReader runsTopic = TopicReader.fromNow(Topics.MATCHING_RUNS)) {
      // a preview
      JsonNode preview = runToCompletion(cycleId, "{}");
      String previewId = preview.get("id").asString();
      MatchingRunCompleted told =
          runsTopic.await(runCompleted(previewId), 1).get(0).as(MatchingRunCompleted.class);
      assertThat(told.published()).isFalse();
      assertThat(told.cycleId()).isEqualTo(cycleId);
      assertThat(told.report().people()).isEqualTo(4);
      assertThat(told.report().matched()).isEqualTo(4);
      assertThat(told.report().pairs()).isEqualTo(2);

      // a second run, published
      String published = runToCompletion(cycleId, "{}").get("id").asString();
      runsTopic.await(runCompleted(published), 1);
      assertThat(
              api.post("/api/matching/runs/" + published + "/publish", null, coordinator).status())
          .isEqualTo(200);
      runsTopic.await(runCompleted(published), 2);

      // each run told once when it finished, the published one once more
      List<MatchingRunCompleted> all =
          runsTopic.drain(Duration.ofSeconds(1)).stream()
              .filter(TopicReader.type(MatchingEvents.RUN_COMPLETED.type()))
              .map(r -> r.as(MatchingRunCompleted.class))
              .filter(e -> cycleId.equals(e.cycleId()))
              .toList();
      assertThat(all)
          .extracting(MatchingRunCompleted::runId, MatchingRunCompleted::published)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(previewId, false),
              org.assertj.core.groups.Tuple.tuple(published, false),
              org.assertj.core.groups.Tuple.tuple(published, true));
    }
  }

  @Test
  void shouldFinishAPublicationACrashInterruptedOnce() {
    // given a finished run whose publication started, but its instance stopped at once
    String cycleId = registrations.closedCycle();
    cohort(cycleId, 4);
    awaitMatchable(cycleId, 4);
    String runId = runToCompletion(cycleId, "{}").get("id").asString();
    partnerships.startPublication(
        "initial:" + cycleId, cycleId, runId, Instant.now().minusSeconds(120));

    try (TopicReader partnershipsTopic = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS);
        TopicReader runsTopic = TopicReader.fromNow(Topics.MATCHING_RUNS)) {
      // when the recovery job runs (twice, as two instances might)
      recovery.resumeInterrupted();
      recovery.resumeInterrupted();

      // then it is finished, and everything it owed is told once
      runsTopic.await(
          r -> MatchingEvents.MATCHES_PUBLISHED.type().equals(r.type()) && cycleId.equals(r.key()),
          1);
      assertThat(partnershipsTopic.drain(Duration.ofSeconds(1)))
          .filteredOn(
              r ->
                  MatchingEvents.PARTNERSHIP_FORMED.type().equals(r.type())
                      && cycleId.equals(r.as(PartnershipFormed.class).cycleId()))
          .hasSize(2);
      assertThat(runsTopic.drain(Duration.ofMillis(500)))
          .filteredOn(
              r ->
                  MatchingEvents.MATCHES_PUBLISHED.type().equals(r.type())
                      && cycleId.equals(r.key()))
          .hasSize(1);
      assertThat(api.post("/api/matching/runs/" + runId + "/publish", null, coordinator).status())
          .isEqualTo(409);
    }
  }

  private static java.util.function.Predicate<CloudEventRecord> runCompleted(String runId) {
    return r ->
        MatchingEvents.RUN_COMPLETED.type().equals(r.type())
            && runId.equals(r.as(MatchingRunCompleted.class).runId());
  }

  private static String pair(String a, String b) {
    return "{\"first\":\"" + a + "\",\"second\":\"" + b + "\"}";
  }
}
