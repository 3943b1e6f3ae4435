package org.penpals.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.PartnershipCompleted;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.registration.CycleRunning;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.matching.pool.RegistrationListener;
import org.penpals.matching.rematch.adapter.out.mongo.MongoRematchQueue;
import org.penpals.matching.rematch.application.Rematching;
import org.penpals.matching.support.MatchingApi;
import org.penpals.matching.support.Registrations;
import org.penpals.platform.events.ProcessedEvents;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A cycle completes: its partnerships complete with it, once, and nothing new is paired. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleCompletionIT {
  @LocalServerPort int port;
  @Autowired MongoRematchQueue queue;
  @Autowired Rematching rematching;
  @Autowired ProcessedEvents processed;
  MatchingApi matching;
  final Registrations registrations = new Registrations();

  @BeforeEach
  void api() {
    matching = new MatchingApi(port);
  }

  @AfterAll
  void close() {
    registrations.close();
  }

  @Test
  void shouldCompleteEveryActivePartnershipOnceAndDropThePendingRematch() {
    // given a published, running cycle of three pairs, one of them dissolved by a withdrawal, and a
    // re-matching asked for but not yet due
    MatchingApi.Published cycle =
        matching.publishedCycle(
            registrations, 6, "{\"leftoverPolicy\":\"WAITLIST\",\"afterPublication\":\"PROPOSE\"}");
    String cycleId = cycle.cycleId();
    registrations.running(cycleId);
    await().until(() -> "RUNNING".equals(matching.pool(cycleId).get("cycleStatus").asString()));
    PartnershipFormed left = cycle.formed().get(0);
    registrations.withdraw(cycleId, left.members().get(0).participantId(), 3);
    await()
        .until(
            () ->
                "DISSOLVED"
                    .equals(
                        matching
                            .partnership(cycleId, left.partnershipId())
                            .get("status")
                            .asString()));
    await().until(() -> rematching.pending(cycleId).isEmpty()); // one person: nobody to pair
    queue.ask(cycleId, Instant.now(), Instant.now().plus(Duration.ofHours(1)));
    assertThat(rematching.pending(cycleId)).isPresent();
    Instant completedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      // when registration says the cycle completed, twice (a redelivery under a new event id)
      String eventId = registrations.completed(cycleId, completedAt);
      List<PartnershipCompleted> completed =
          partnerships.await(completedIn(cycleId), 2).stream()
              .map(r -> r.as(PartnershipCompleted.class))
              .toList();
      registrations.completed(cycleId, completedAt.plusSeconds(60));
      registrations.send(
          new org.penpals.contracts.registration.CycleCompleted(
              cycleId, Registrations.details(CycleStatus.COMPLETED), completedAt),
          eventId);

      // then each active partnership completed once, with its members, the dissolved one not
      assertThat(completed)
          .extracting(PartnershipCompleted::partnershipId)
          .containsExactlyInAnyOrder(
              cycle.formed().get(1).partnershipId(), cycle.formed().get(2).partnershipId());
      for (PartnershipCompleted c : completed) {
        PartnershipFormed formed =
            cycle.formed().stream()
                .filter(f -> f.partnershipId().equals(c.partnershipId()))
                .findFirst()
                .orElseThrow();
        assertThat(c.members())
            .containsExactlyElementsOf(
                formed.members().stream().map(PartnershipMember::participantId).toList());
        assertThat(c.completedAt()).isEqualTo(completedAt);
      }
      await().until(() -> rematching.pending(cycleId).isEmpty());
      assertThat(partnerships.drain(Duration.ofSeconds(2)))
          .filteredOn(completedIn(cycleId))
          .hasSize(2);
      Map<String, String> status =
          java.util.stream.StreamSupport.stream(matching.partnerships(cycleId).spliterator(), false)
              .collect(
                  Collectors.toMap(p -> p.get("id").asString(), p -> p.get("status").asString()));
      assertThat(status)
          .containsEntry(left.partnershipId(), "DISSOLVED")
          .containsEntry(cycle.formed().get(1).partnershipId(), "COMPLETED")
          .containsEntry(cycle.formed().get(2).partnershipId(), "COMPLETED");
      assertThat(matching.pool(cycleId).get("cycleStatus").asString()).isEqualTo("COMPLETED");
    }
  }

  @Test
  void shouldRefuseRematchesHandPairsAndNewPartnersOnceTheCycleEnded() {
    // given a completed cycle with two people waiting (matching's waitlist)
    MatchingApi.Published cycle =
        matching.publishedCycle(registrations, 4, "{\"leftoverPolicy\":\"WAITLIST\"}");
    String cycleId = cycle.cycleId();
    String member = cycle.formed().get(0).members().get(0).participantId();
    registrations.completed(cycleId, Instant.now());
    await().until(() -> "COMPLETED".equals(matching.pool(cycleId).get("cycleStatus").asString()));
    String base = "/api/matching/cycles/" + cycleId;

    // when staff ask for a re-matching or a hand-pair, and a member for a new partner
    Api.Response rematch = matching.api.post(base + "/rematch", null, matching.coordinator);
    Api.Response handPair =
        matching.api.post(
            base + "/partnerships",
            "{\"members\":[\""
                + member
                + "\",\""
                + cycle.formed().get(1).members().get(0).participantId()
                + "\"]}",
            matching.coordinator);
    Api.Response newPartner =
        matching.api.post(
            "/api/matching/participants/me/new-partner", null, TestTokens.participant(member));

    // then each is refused naming what stands in the way, and nothing is written
    ApiGuardsIT.assertProblem(rematch, 409, "cycleId");
    ApiGuardsIT.assertProblem(handPair, 409, "cycleId");
    ApiGuardsIT.assertProblem(newPartner, 409, "partnership");
    assertThat(rematching.pending(cycleId)).isEmpty();
    assertThat(matching.partnerships(cycleId)).hasSize(2);
    assertThat(
            matching
                .api
                .get("/api/matching/participants/me/new-partner", TestTokens.participant(member))
                .status())
        .isEqualTo(404);
  }

  @Test
  void shouldKeepTheCycleArchivedWhateverAnOlderEventSays() {
    String cycleId = registrations.closedCycle();
    registrations.running(cycleId);
    await().until(() -> "RUNNING".equals(cycleStatus(cycleId)));
    registrations.completed(cycleId, Instant.now());
    registrations.archived(cycleId);
    await().until(() -> "ARCHIVED".equals(cycleStatus(cycleId)));

    // an old event delivered again (under a new id), and handled
    String stale =
        registrations.send(
            new CycleRunning(cycleId, Registrations.details(CycleStatus.RUNNING), Instant.now()));
    await().until(() -> processed.seen(RegistrationListener.GROUP, stale));

    assertThat(cycleStatus(cycleId)).isEqualTo("ARCHIVED");
  }

  private String cycleStatus(String cycleId) {
    Api.Response pool =
        matching.api.get("/api/matching/cycles/" + cycleId + "/pool", matching.coordinator);
    return pool.status() == 200 ? pool.json().get("cycleStatus").asString() : null;
  }

  static java.util.function.Predicate<CloudEventRecord> completedIn(String cycleId) {
    return r ->
        MatchingEvents.PARTNERSHIP_COMPLETED.type().equals(r.type())
            && cycleId.equals(r.as(PartnershipCompleted.class).cycleId());
  }
}
