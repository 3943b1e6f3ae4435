package org.penpals.matching.rematch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.MatchingRunCompleted;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.matching.rematch.application.Rematching;
import org.penpals.matching.rematch.domain.RematchRequest;
import org.penpals.matching.support.Instances;
import org.penpals.matching.support.MatchingApi;
import org.penpals.matching.support.Registrations;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * An instance stops with re-matchings pending (one never started, one whose run finished but was
 * not published); a new instance finishes both, each exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RematchRestartIT {
  final Instances instances = new Instances("restart");
  final Registrations registrations = new Registrations();

  @AfterAll
  void stop() {
    registrations.close();
  }

  /** A published cycle of two pairs where one member of each withdrew: two need a partner. */
  private List<String> twoNeedingAPartner(MatchingApi api, MatchingApi.Published cycle) {
    List<String> needing = new ArrayList<>();
    for (PartnershipFormed p : cycle.formed()) {
      registrations.withdraw(cycle.cycleId(), p.members().get(0).participantId(), 3);
      needing.add(p.members().get(1).participantId());
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                needing.stream()
                    .allMatch(
                        id -> "NEEDS_PARTNER".equals(api.waitingPlacement(cycle.cycleId(), id))));
    return needing;
  }

  @Test
  void shouldFinishPendingAndInterruptedRematchesAfterARestartExactlyOnce() {
    String automatic = "{\"afterPublication\":\"AUTOMATIC\"}";
    ConfigurableApplicationContext before = instances.start(false);
    String neverStarted;
    String interrupted;
    String interruptedRun;
    List<String> needingFirst;
    List<String> needingSecond;
    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      MatchingApi api = new MatchingApi(Instances.port(before));
      Rematching rematching = before.getBean(Rematching.class);
      // given a cycle whose re-matching was asked for and never started
      MatchingApi.Published first = api.publishedCycle(registrations, 4, automatic);
      neverStarted = first.cycleId();
      needingFirst = twoNeedingAPartner(api, first);
      // and one whose run finished, but the instance stopped before publishing it
      MatchingApi.Published second = api.publishedCycle(registrations, 4, automatic);
      interrupted = second.cycleId();
      needingSecond = twoNeedingAPartner(api, second);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> rematching.pending(interrupted).filter(r -> r.due(Instant.now())).isPresent());
      assertThat(rematching.step(interrupted)).isEqualTo(Rematching.Step.RAN);
      RematchRequest started = rematching.pending(interrupted).orElseThrow();
      assertThat(started.state()).isEqualTo(RematchRequest.State.STARTED);
      interruptedRun = started.runId();
      assertThat(api.run(interruptedRun).get("status").asString()).isEqualTo("COMPLETED");
      assertThat(api.run(interruptedRun).get("published").asBoolean()).isFalse();
      assertThat(rematching.pending(neverStarted)).isPresent();
      assertThat(partnerships.drain(Duration.ofMillis(500)))
          .filteredOn(formedIn(neverStarted).or(formedIn(interrupted)))
          .hasSize(4); // the initial pairs only
      before.close();
    }

    try (TopicReader partnerships = TopicReader.fromBeginning(Topics.MATCHING_PARTNERSHIPS);
        TopicReader runs = TopicReader.fromBeginning(Topics.MATCHING_RUNS)) {
      // when a new instance starts
      ConfigurableApplicationContext after = instances.start(true);
      try {
        MatchingApi api = new MatchingApi(Instances.port(after));
        Rematching rematching = after.getBean(Rematching.class);

        // then each cycle's re-matching is published, once, the interrupted one from its run
        PartnershipFormed firstFormed =
            partnerships
                .await(formedIn(neverStarted).and(replacement()), 1, Duration.ofSeconds(60))
                .get(0)
                .as(PartnershipFormed.class);
        assertThat(members(firstFormed)).containsExactlyInAnyOrderElementsOf(needingFirst);
        PartnershipFormed secondFormed =
            partnerships
                .await(formedIn(interrupted).and(replacement()), 1, Duration.ofSeconds(60))
                .get(0)
                .as(PartnershipFormed.class);
        assertThat(members(secondFormed)).containsExactlyInAnyOrderElementsOf(needingSecond);
        assertThat(secondFormed.runId()).isEqualTo(interruptedRun);
        await().until(() -> rematching.pending(neverStarted).isEmpty());
        await().until(() -> rematching.pending(interrupted).isEmpty());

        List<CloudEventRecord> all = partnerships.drain(Duration.ofSeconds(3));
        assertThat(all).filteredOn(formedIn(neverStarted).and(replacement())).hasSize(1);
        assertThat(all).filteredOn(formedIn(interrupted).and(replacement())).hasSize(1);
        long rematchRuns = 0;
        for (JsonNode run : api.runs(interrupted)) {
          if ("REMATCH".equals(run.get("kind").asString())) {
            rematchRuns++;
          }
        }
        assertThat(rematchRuns).isEqualTo(1);
        runs.await(publishedRun(interruptedRun), 1, Duration.ofSeconds(30));
        assertThat(runs.drain(Duration.ofMillis(500)))
            .filteredOn(publishedRun(interruptedRun))
            .hasSize(1);
      } finally {
        after.close();
      }
    }
  }

  private static List<String> members(PartnershipFormed formed) {
    return formed.members().stream().map(PartnershipMember::participantId).toList();
  }

  private static Predicate<CloudEventRecord> formedIn(String cycleId) {
    return r ->
        MatchingEvents.PARTNERSHIP_FORMED.type().equals(r.type())
            && cycleId.equals(r.as(PartnershipFormed.class).cycleId());
  }

  private static Predicate<CloudEventRecord> replacement() {
    return r -> !"INITIAL".equals(r.as(PartnershipFormed.class).origin());
  }

  private static Predicate<CloudEventRecord> publishedRun(String runId) {
    return r ->
        MatchingEvents.RUN_COMPLETED.type().equals(r.type())
            && runId.equals(r.as(MatchingRunCompleted.class).runId())
            && r.as(MatchingRunCompleted.class).published();
  }
}
