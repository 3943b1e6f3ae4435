package org.penpals.matching.rematch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.MatchingRunCompleted;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.matching.rematch.application.Rematching;
import org.penpals.matching.support.Instances;
import org.penpals.matching.support.MatchingApi;
import org.penpals.matching.support.Registrations;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two matching-service instances on one database and broker, both working the re-matching queue at
 * the same moments, without the ShedLock lease that normally takes turns (the test calls the use
 * case on both directly): each cycle's re-matching runs once and is published once; nobody is in
 * two partnerships.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {
  final Instances instances = new Instances("two-instances");
  final Registrations registrations = new Registrations();
  ConfigurableApplicationContext first;
  ConfigurableApplicationContext second;

  @BeforeAll
  void start() {
    first = instances.start(false);
    second = instances.start(false);
  }

  @AfterAll
  void stop() {
    registrations.close();
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  void shouldRematchACycleOnceWhenTwoInstancesRaceForIt() throws Exception {
    // given a published cycle of eight pairs whose re-matchings are published automatically
    MatchingApi api = new MatchingApi(Instances.port(first));
    MatchingApi.Published cycle =
        api.publishedCycle(registrations, 16, "{\"afterPublication\":\"AUTOMATIC\"}");
    String cycleId = cycle.cycleId();
    Rematching a = first.getBean(Rematching.class);
    Rematching b = second.getBean(Rematching.class);

    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS);
        TopicReader runs = TopicReader.fromNow(Topics.MATCHING_RUNS)) {
      // five people withdraw, one from each of five pairs: their partners need a new one
      Set<String> needing = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        PartnershipFormed p = cycle.formed().get(i);
        registrations.withdraw(cycleId, p.members().get(0).participantId(), 3);
        needing.add(p.members().get(1).participantId());
      }
      partnerships.await(
          r ->
              MatchingEvents.PARTNERSHIP_DISSOLVED.type().equals(r.type())
                  && cycleId.equals(r.as(PartnershipDissolved.class).cycleId()),
          5,
          Duration.ofSeconds(60));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  needing.stream()
                      .allMatch(id -> "NEEDS_PARTNER".equals(api.waitingPlacement(cycleId, id))));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> a.pending(cycleId).filter(r -> r.due(Instant.now())).isPresent());

      // when both instances work the queue at the same moments, round after round
      for (int round = 0; round < 30 && a.pending(cycleId).isPresent(); round++) {
        CompletableFuture.allOf(
                CompletableFuture.runAsync(a::runDue), CompletableFuture.runAsync(b::runDue))
            .get(120, TimeUnit.SECONDS);
      }

      // then the request is done, after one re-matching run
      assertThat(a.pending(cycleId)).isEmpty();
      List<String> rematchRuns = new ArrayList<>();
      for (JsonNode run : api.runs(cycleId)) {
        if ("REMATCH".equals(run.get("kind").asString())) {
          rematchRuns.add(run.get("id").asString());
        }
      }
      assertThat(rematchRuns).hasSize(1);
      String runId = rematchRuns.get(0);

      // published once: its partnerships formed once each, the five people each in one of them
      List<CloudEventRecord> formed =
          partnerships.await(
              r ->
                  MatchingEvents.PARTNERSHIP_FORMED.type().equals(r.type())
                      && runId.equals(r.as(PartnershipFormed.class).runId()),
              2,
              Duration.ofSeconds(30));
      runs.await(
          r ->
              MatchingEvents.RUN_COMPLETED.type().equals(r.type())
                  && runId.equals(r.as(MatchingRunCompleted.class).runId()),
          2,
          Duration.ofSeconds(30));
      formed = partnerships.drain(Duration.ofSeconds(2));
      Map<String, Set<String>> eventIdsByPartnership = new HashMap<>();
      List<String> members = new ArrayList<>();
      for (CloudEventRecord r : formed) {
        if (!MatchingEvents.PARTNERSHIP_FORMED.type().equals(r.type())) {
          continue;
        }
        PartnershipFormed event = r.as(PartnershipFormed.class);
        if (!cycleId.equals(event.cycleId())) {
          continue;
        }
        assertThat(event.runId()).isEqualTo(runId);
        if (eventIdsByPartnership
            .computeIfAbsent(event.partnershipId(), k -> new HashSet<>())
            .add(r.id())) {
          members.addAll(event.members().stream().map(PartnershipMember::participantId).toList());
        }
      }
      assertThat(eventIdsByPartnership.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
      assertThat(members).containsExactlyInAnyOrderElementsOf(needing);
      List<Boolean> told =
          runs.drain(Duration.ofMillis(500)).stream()
              .filter(TopicReader.type(MatchingEvents.RUN_COMPLETED.type()))
              .map(r -> r.as(MatchingRunCompleted.class))
              .filter(e -> runId.equals(e.runId()))
              .map(MatchingRunCompleted::published)
              .toList();
      assertThat(told).containsExactlyInAnyOrder(false, true);

      // and nobody is in two active partnerships
      List<String> active = new ArrayList<>();
      for (JsonNode p : api.partnerships(cycleId)) {
        if ("ACTIVE".equals(p.get("status").asString())) {
          p.get("members").forEach(m -> active.add(m.asString()));
        }
      }
      assertThat(active).doesNotHaveDuplicates().containsAll(needing).hasSize(16 - 5);
    }
  }
}
