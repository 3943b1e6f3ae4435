package org.penpals.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.penpals.matching.engine.CandidateFixture.aCandidate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.penpals.matching.engine.solver.GreedySolver;
import org.penpals.matching.engine.solver.MatchingSolution;

/** Cohorts built to hurt: dominant countries, language islands, one zone, odd counts, greed. */
class AdversarialCohortsTest {
  private static final LocalDate START = LocalDate.of(2027, 3, 1);
  private final MatchingEngine engine = new MatchingEngine();

  private static MatchingRequest request(List<Candidate> candidates, LeftoverPolicy policy) {
    return MatchingRequest.of(candidates, Rules.NONE, Weights.DEFAULTS, policy, START);
  }

  @Test
  void shouldPairEveryoneFromSmallCountriesWhenSixtyPercentComeFromOne() {
    // given 60 from AU and 40 from elsewhere, all writing English
    List<Candidate> cohort = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      cohort.add(aCandidate().from("AU").interestedIn("outreach").build());
    }
    String[] others = {"US", "GB", "BG", "KE"};
    for (int i = 0; i < 40; i++) {
      cohort.add(
          aCandidate().from(others[i % 4]).inZone("Europe/London").inRegion("Europe").build());
    }

    // when
    MatchingResult result = engine.match(request(cohort, LeftoverPolicy.WAITLIST));

    // then Australians can only pair abroad: 40 mixed pairs is the maximum, 20 Australians wait
    assertThat(result.quality().matchedPeople()).isEqualTo(80);
    assertThat(result.quality().matchableUpperBound()).isEqualTo(80);
    assertThat(result.waitlist())
        .hasSize(20)
        .allSatisfy(w -> assertThat(w.reason()).isEqualTo(WaitlistReason.NO_PARTNER_LEFT));
    assertThat(result.quality().optimal()).isTrue();
  }

  @Test
  void shouldWaitlistALanguageIslandWithTheReasonThatNobodyIsAValidPartner() {
    // given four Icelandic-only writers among English writers
    List<Candidate> cohort = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cohort.add(aCandidate().from("IS").writing("is").build());
    }
    for (int i = 0; i < 10; i++) {
      cohort.add(aCandidate().from(i % 2 == 0 ? "US" : "GB").build());
    }

    // when
    MatchingResult result = engine.match(request(cohort, LeftoverPolicy.TRIOS));

    // then the island cannot be matched (same country, no shared language elsewhere)
    assertThat(result.waitlist())
        .hasSize(4)
        .allSatisfy(w -> assertThat(w.reason()).isEqualTo(WaitlistReason.NO_VALID_PARTNER));
    assertThat(result.quality().matchedPeople()).isEqualTo(10);
  }

  @Test
  void shouldMatchACohortInOneTimeZoneWithFullWorkingHourPoints() {
    // given everyone in one zone, from alternating countries
    List<Candidate> cohort = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      cohort.add(aCandidate().from(i % 2 == 0 ? "FR" : "BE").inZone("Europe/Paris").build());
    }

    // when
    MatchingResult result = engine.match(request(cohort, LeftoverPolicy.WAITLIST));

    // then
    assertThat(result.groups()).hasSize(6);
    assertThat(result.groups())
        .allSatisfy(
            g ->
                assertThat(g.explanation())
                    .filteredOn(l -> l.criterion() == Criterion.WORKING_HOURS)
                    .allSatisfy(l -> assertThat(l.points()).isEqualTo(150)));
  }

  @Test
  void shouldMakeATrioOfTheOddOneOutWhenTriosAreWanted() {
    // given five people from five countries
    List<Candidate> cohort = new ArrayList<>();
    for (String country : List.of("US", "GB", "BG", "KE", "MX")) {
      cohort.add(aCandidate().from(country).build());
    }

    // when
    MatchingResult trios = engine.match(request(cohort, LeftoverPolicy.TRIOS));
    MatchingResult waitlist = engine.match(request(cohort, LeftoverPolicy.WAITLIST));

    // then
    assertThat(trios.groups()).hasSize(2);
    assertThat(trios.groups()).filteredOn(Group::isTrio).hasSize(1);
    assertThat(trios.waitlist()).isEmpty();
    assertThat(trios.quality().inTrios()).isEqualTo(1);
    assertThat(waitlist.groups()).hasSize(2).noneMatch(Group::isTrio);
    assertThat(waitlist.waitlist())
        .singleElement()
        .satisfies(w -> assertThat(w.reason()).isEqualTo(WaitlistReason.NO_PARTNER_LEFT));
  }

  @Test
  void shouldNotFormATrioThatBreaksAHardRulePairwise() {
    // given a pair US-GB and a third from the US
    List<Candidate> cohort =
        List.of(
            aCandidate().from("US").build(),
            aCandidate().from("GB").build(),
            aCandidate().from("US").build());

    // when
    MatchingResult result = engine.match(request(cohort, LeftoverPolicy.TRIOS));

    // then the second American cannot join (same country as a member)
    assertThat(result.groups()).singleElement().satisfies(g -> assertThat(g.isTrio()).isFalse());
    assertThat(result.waitlist()).hasSize(1);
  }

  @Test
  void shouldMatchEveryoneWhereGreedyStrandsPeople() {
    // given b-c is the best pair by far, but a can only partner b and d only c
    Candidate a = aCandidate().id("a").from("US").writing("en").interestedIn("x1").build();
    Candidate b =
        aCandidate().id("b").from("GB").writing("en", "fr").interestedIn("x", "y", "z").build();
    Candidate c =
        aCandidate().id("c").from("FR").writing("fr", "es").interestedIn("x", "y", "z").build();
    Candidate d = aCandidate().id("d").from("MX").writing("es").interestedIn("x2").build();
    MatchingRequest request = request(List.of(a, b, c, d), LeftoverPolicy.WAITLIST);

    // when
    MatchingResult result = engine.match(request);
    CandidateGraph graph = engine.candidateGraph(request);
    MatchingSolution greedy = GreedySolver.solve(graph.weighted());

    // then greedy takes b-c and strands a and d; the engine pairs all four
    assertThat(greedy.size()).isEqualTo(1);
    assertThat(result.quality().matchedPeople()).isEqualTo(4);
    assertThat(result.groups())
        .extracting(Group::members)
        .containsExactly(List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void shouldLeaveOneOutOfAnOddCohortAndSaySo() {
    // given seven people from seven countries
    List<Candidate> cohort = new ArrayList<>();
    for (String country : List.of("US", "GB", "BG", "KE", "MX", "FR", "CN")) {
      cohort.add(aCandidate().from(country).build());
    }

    // when
    MatchingResult result = engine.match(request(cohort, LeftoverPolicy.WAITLIST));

    // then
    assertThat(result.quality().matchedPeople()).isEqualTo(6);
    assertThat(result.quality().matchableUpperBound()).isEqualTo(6);
    assertThat(result.waitlist()).hasSize(1);
  }

  @Test
  void shouldMatchAtLeastAsWellOnASparseCandidateGraphForAMediumCohort() {
    // given a 1,500-person random cohort, k = 10 (sparse) against the dense graph
    MatchingRequest dense = RandomCohorts.request(5, 1500, LeftoverPolicy.WAITLIST);
    MatchingRequest sparse =
        dense.withOptions(MatchingOptions.DEFAULTS.withDenseBelow(0).withCandidatesPerPerson(10));

    // when
    QualityReport full = engine.match(dense).quality();
    QualityReport pruned = engine.match(sparse).quality();

    // then the candidate graph costs nobody their partner and little score
    assertThat(pruned.denseGraph()).isFalse();
    assertThat(pruned.candidateEdges()).isLessThan(full.candidateEdges() / 3);
    assertThat(pruned.matchedPeople()).isEqualTo(full.matchedPeople());
    assertThat(pruned.objective()).isGreaterThan(full.objective() * 98 / 100);
  }

  @Test
  void shouldReportProgressThroughEveryPhase() {
    // given
    List<MatchingPhase> phases = new ArrayList<>();
    MatchingRequest request = RandomCohorts.request(3, 200, LeftoverPolicy.TRIOS);

    // when
    engine.match(request, (phase, fraction, message) -> phases.add(phase), Cancellation.NEVER);

    // then
    assertThat(phases).contains(MatchingPhase.values());
    assertThat(phases).isSortedAccordingTo(Enum::compareTo);
  }

  @Test
  void shouldStopWhenCancelled() {
    // given a cancellation that fires at the first check
    AtomicInteger checks = new AtomicInteger();
    MatchingRequest request = RandomCohorts.request(3, 1200, LeftoverPolicy.WAITLIST);

    // when / then
    assertThatThrownBy(
            () -> engine.match(request, ProgressListener.NONE, () -> checks.incrementAndGet() > 0))
        .isInstanceOf(MatchingCancelledException.class);
  }

  @Test
  void shouldRejectALockedPairThatBreaksAHardRule() {
    Candidate a = aCandidate().from("US").build();
    Candidate b = aCandidate().from("US").build();
    Rules rules = new Rules(Set.of(), Set.of(IdPair.of(a.id(), b.id())), Set.of());

    assertThatThrownBy(
            () ->
                MatchingRequest.of(
                    List.of(a, b), rules, Weights.DEFAULTS, LeftoverPolicy.TRIOS, START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both work in US");
  }

  @Test
  void shouldKeepItsBoundsAndPlaceEveryoneWhenTheBudgetStopsTheSolver() {
    // given a budget too small to finish
    MatchingRequest request =
        RandomCohorts.request(11, 3000, LeftoverPolicy.WAITLIST)
            .withOptions(MatchingOptions.DEFAULTS.withTimeBudget(Duration.ofNanos(1)));

    // when
    MatchingResult result = engine.match(request);

    // then whatever it reached, the report is consistent and the proof still holds
    QualityReport quality = result.quality();
    assertThat(quality.optimal()).isFalse();
    assertThat(quality.objective()).isLessThanOrEqualTo(quality.upperBound());
    assertThat(quality.matchedPeople()).isLessThanOrEqualTo(quality.matchableUpperBound());
    assertThat(quality.matchedPeople() + quality.waitlisted()).isEqualTo(3000);
    QualityReport exact =
        engine.match(RandomCohorts.request(11, 3000, LeftoverPolicy.WAITLIST)).quality();
    assertThat(exact.matchedPeople()).isLessThanOrEqualTo(quality.matchableUpperBound());
    assertThat(quality.matchedPeople()).isLessThanOrEqualTo(exact.matchedPeople());
  }

  @Test
  void shouldAcceptATimeBudgetAndStillProveWhatItReached() {
    // given a generous budget
    MatchingRequest request =
        RandomCohorts.request(9, 300, LeftoverPolicy.WAITLIST)
            .withOptions(MatchingOptions.DEFAULTS.withTimeBudget(Duration.ofMinutes(1)));

    // when
    QualityReport quality = engine.match(request).quality();

    // then
    assertThat(quality.optimal()).isTrue();
    assertThat(quality.phaseTimings()).containsKeys("candidate graph", "solve", "leftovers");
  }
}
