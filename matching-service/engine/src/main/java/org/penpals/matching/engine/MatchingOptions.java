package org.penpals.matching.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine works, as opposed to what it optimises.
 *
 * @param candidatesPerPerson k: above {@code denseBelow}, each person keeps their k best valid
 *     partners as candidate edges (the union over everyone is the candidate graph)
 * @param denseBelow cohorts smaller than this use every valid pair (the dense graph)
 * @param exhaustiveBelow up to this size the k best are found by scoring every valid pair; above
 *     it, among a seeded sample per person (same language, and people sharing an interest)
 * @param timeBudget the whole run's budget: the exact solver stops when it is spent, completes its
 *     matching greedily and reports the gap its proven bounds leave
 * @param seed for the sample of large cohorts: the same seed gives the same result
 */
public record MatchingOptions(
    int candidatesPerPerson, int denseBelow, int exhaustiveBelow, Duration timeBudget, long seed) {

  public static final MatchingOptions DEFAULTS =
      new MatchingOptions(50, 1_000, 150_000, Duration.ofMinutes(2), 42);

  public MatchingOptions {
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (candidatesPerPerson < 1) {
      throw new IllegalArgumentException("candidatesPerPerson must be at least 1");
    }
    if (denseBelow < 0 || exhaustiveBelow < 0) {
      throw new IllegalArgumentException("thresholds must not be negative");
    }
    if (timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("timeBudget must be positive");
    }
  }

  public MatchingOptions withCandidatesPerPerson(int k) {
    return new MatchingOptions(k, denseBelow, exhaustiveBelow, timeBudget, seed);
  }

  public MatchingOptions withDenseBelow(int n) {
    return new MatchingOptions(candidatesPerPerson, n, exhaustiveBelow, timeBudget, seed);
  }

  public MatchingOptions withExhaustiveBelow(int n) {
    return new MatchingOptions(candidatesPerPerson, denseBelow, n, timeBudget, seed);
  }

  public MatchingOptions withTimeBudget(Duration budget) {
    return new MatchingOptions(candidatesPerPerson, denseBelow, exhaustiveBelow, budget, seed);
  }
}
