package org.penpals.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.alg.matching.SparseEdmondsMaximumCardinalityMatching;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/** Invariants of the engine on random cohorts (jqwik). */
class MatchingPropertiesTest {
  private final MatchingEngine engine = new MatchingEngine();

  @Property(tries = 60)
  void shouldNeverBreakAHardRule(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 70) int n,
      @ForAll LeftoverPolicy policy) {
    // given
    MatchingRequest request = RandomCohorts.request(seed, n, policy);
    HardRules rules = new HardRules(request.rules());
    Map<String, Candidate> byId = byId(request);

    // when
    MatchingResult result = engine.match(request);

    // then every pair within every group passes every hard rule
    for (Group group : result.groups()) {
      for (int i = 0; i < group.members().size(); i++) {
        for (int j = i + 1; j < group.members().size(); j++) {
          Candidate a = byId.get(group.members().get(i));
          Candidate b = byId.get(group.members().get(j));
          assertThat(rules.violations(a, b)).as("%s in %s", a.id(), group).isEmpty();
        }
      }
    }
  }

  @Property(tries = 40)
  void shouldKeepLockedPairsAndPlaceEveryoneOnce(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 70) int n,
      @ForAll LeftoverPolicy policy) {
    // given
    MatchingRequest request = RandomCohorts.request(seed, n, policy);

    // when
    MatchingResult result = engine.match(request);

    // then
    for (IdPair locked : request.rules().lockedPairs()) {
      assertThat(result.groups())
          .anySatisfy(
              g -> {
                assertThat(g.members()).containsExactlyInAnyOrder(locked.first(), locked.second());
                assertThat(g.locked()).isTrue();
              });
    }
    List<String> placed = new ArrayList<>();
    result.groups().forEach(g -> placed.addAll(g.members()));
    result.waitlist().forEach(w -> placed.add(w.candidateId()));
    assertThat(placed)
        .containsExactlyInAnyOrderElementsOf(
            request.candidates().stream().map(Candidate::id).toList());
  }

  @Property(tries = 50)
  void shouldMatchAsManyPeopleAsAnIndependentMaximumCardinalityMatching(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int n) {
    assertMaximumCardinality(RandomCohorts.request(seed, n, LeftoverPolicy.WAITLIST));
  }

  @Property(tries = 4)
  void shouldMatchAsManyPeopleAsAnIndependentMaximumCardinalityMatchingOnMediumCohorts(
      @ForAll long seed, @ForAll @IntRange(min = 300, max = 600) int n) {
    assertMaximumCardinality(RandomCohorts.request(seed, n, LeftoverPolicy.WAITLIST));
  }

  @Property(tries = 60)
  void shouldFindTheLexicographicOptimumOfTinyCohorts(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 10) int n) {
    // given
    MatchingRequest request = RandomCohorts.request(seed, n, LeftoverPolicy.WAITLIST);

    // when
    QualityReport quality = engine.match(request).quality();

    // then brute force over all matchings of the valid pairs agrees on (pairs, score)
    long[] best = bruteForce(request);
    assertThat(quality.matchedPeople()).isEqualTo(2 * (int) best[0]);
    assertThat(quality.objective()).isEqualTo(best[1]);
  }

  @Property(tries = 60)
  void shouldNeverReportAnObjectiveAboveItsUpperBound(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 120) int n) {
    // when
    QualityReport quality =
        engine.match(RandomCohorts.request(seed, n, LeftoverPolicy.WAITLIST)).quality();

    // then
    assertThat(quality.objective()).isLessThanOrEqualTo(quality.upperBound());
    assertThat(quality.matchedPeople()).isLessThanOrEqualTo(quality.matchableUpperBound());
    assertThat(quality.optimal()).isTrue();
    assertThat(quality.gap()).isZero();
  }

  @Property(tries = 25)
  void shouldGiveTheSameResultForTheSameInputInAnyOrder(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 80) int n,
      @ForAll LeftoverPolicy policy) {
    // given the same request, and the same candidates shuffled
    MatchingRequest request = RandomCohorts.request(seed, n, policy);
    List<Candidate> shuffled = new ArrayList<>(request.candidates());
    Collections.shuffle(shuffled, new Random(seed));
    MatchingRequest reordered =
        new MatchingRequest(
            shuffled,
            request.rules(),
            request.weights(),
            policy,
            request.partnershipStart(),
            request.options());

    // when
    MatchingResult first = engine.match(request);
    MatchingResult second = engine.match(request);
    MatchingResult third = engine.match(reordered);

    // then
    assertThat(second.groups()).isEqualTo(first.groups());
    assertThat(second.waitlist()).isEqualTo(first.waitlist());
    assertThat(third.groups()).isEqualTo(first.groups());
    assertThat(third.waitlist()).isEqualTo(first.waitlist());
  }

  @Property(tries = 40)
  void shouldExplainEveryGroupWithLinesThatAddUpToItsScore(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 60) int n,
      @ForAll LeftoverPolicy policy) {
    // given
    MatchingRequest request = RandomCohorts.request(seed, n, policy);
    Scorer scorer = new Scorer(request.weights(), request.partnershipStart());
    Map<String, Candidate> byId = byId(request);

    // when
    MatchingResult result = engine.match(request);

    // then
    long pairScores = 0;
    for (Group group : result.groups()) {
      assertThat(group.explanation().stream().mapToInt(ExplanationLine::points).sum())
          .isEqualTo(group.score());
      int expected = 0;
      for (int i = 0; i < group.members().size(); i++) {
        for (int j = i + 1; j < group.members().size(); j++) {
          expected +=
              scorer.score(byId.get(group.members().get(i)), byId.get(group.members().get(j)));
        }
      }
      assertThat(group.score()).isEqualTo(expected);
      assertThat(group.explanation()).hasSize(5 * (group.isTrio() ? 3 : 1));
      pairScores += group.score();
    }
    if (result.quality().inTrios() == 0) {
      assertThat(result.quality().objective()).isEqualTo(pairScores);
    }
  }

  @Property(tries = 30)
  void shouldAgreeWithTheStandaloneScorerAndHardRules(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int n) {
    // given
    MatchingRequest request = RandomCohorts.request(seed, n, LeftoverPolicy.WAITLIST);
    Cohort cohort = new Cohort(request);
    Scorer scorer = new Scorer(request.weights(), request.partnershipStart());
    HardRules rules = new HardRules(request.rules());

    // then the fast internal form says what the public classes say, for every pair
    for (int a = 0; a < cohort.size; a++) {
      for (int b = 0; b < cohort.size; b++) {
        if (a == b) {
          continue;
        }
        Candidate ca = cohort.people[a];
        Candidate cb = cohort.people[b];
        assertThat(cohort.allowed(a, b)).isEqualTo(rules.allows(ca, cb));
        assertThat(cohort.score(a, b)).isEqualTo(scorer.score(ca, cb));
        assertThat(scorer.score(ca, cb)).isEqualTo(scorer.score(cb, ca));
      }
    }
  }

  private void assertMaximumCardinality(MatchingRequest request) {
    // given an independent maximum-cardinality matching of every allowed pair (JGraphT's Edmonds)
    HardRules rules = new HardRules(request.rules());
    SimpleGraph<String, DefaultEdge> valid = new SimpleGraph<>(DefaultEdge.class);
    List<Candidate> free =
        request.candidates().stream()
            .filter(c -> request.rules().lockedPairs().stream().noneMatch(p -> p.contains(c.id())))
            .toList();
    free.forEach(c -> valid.addVertex(c.id()));
    for (int i = 0; i < free.size(); i++) {
      for (int j = i + 1; j < free.size(); j++) {
        if (rules.allows(free.get(i), free.get(j))) {
          valid.addEdge(free.get(i).id(), free.get(j).id());
        }
      }
    }
    int pairs =
        free.isEmpty()
            ? 0
            : new SparseEdmondsMaximumCardinalityMatching<>(valid).getMatching().getEdges().size();
    int maximum = 2 * pairs + 2 * request.rules().lockedPairs().size();

    // when
    QualityReport quality = engine.match(request).quality();

    // then
    assertThat(quality.matchedPeople()).isEqualTo(maximum);
    assertThat(quality.matchableUpperBound()).isEqualTo(maximum);
  }

  /** (pairs, score) of the lexicographically best matching, by enumeration. */
  private static long[] bruteForce(MatchingRequest request) {
    Cohort cohort = new Cohort(request);
    long[] best = {0, 0};
    long lockedScore = 0;
    int lockedPairs = 0;
    boolean[] used = new boolean[cohort.size];
    for (int i = 0; i < cohort.size; i++) {
      if (cohort.lockedWith[i] >= 0) {
        used[i] = true;
        if (i < cohort.lockedWith[i]) {
          lockedPairs++;
          lockedScore += cohort.score(i, cohort.lockedWith[i]);
        }
      }
    }
    search(cohort, 0, used, 0, 0, best);
    return new long[] {best[0] + lockedPairs, best[1] + lockedScore};
  }

  private static void search(
      Cohort cohort, int v, boolean[] used, long pairs, long score, long[] best) {
    while (v < cohort.size && used[v]) {
      v++;
    }
    if (v >= cohort.size) {
      if (pairs > best[0] || (pairs == best[0] && score > best[1])) {
        best[0] = pairs;
        best[1] = score;
      }
      return;
    }
    used[v] = true;
    search(cohort, v + 1, used, pairs, score, best);
    for (int u = v + 1; u < cohort.size; u++) {
      if (!used[u] && cohort.valid(v, u)) {
        used[u] = true;
        search(cohort, v + 1, used, pairs + 1, score + cohort.score(v, u), best);
        used[u] = false;
      }
    }
    used[v] = false;
  }

  private static Map<String, Candidate> byId(MatchingRequest request) {
    Map<String, Candidate> byId = new HashMap<>();
    request.candidates().forEach(c -> byId.put(c.id(), c));
    return byId;
  }
}
