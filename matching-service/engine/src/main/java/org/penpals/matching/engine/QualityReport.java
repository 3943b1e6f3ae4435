package org.penpals.matching.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How good a run's matching is, with proof.
 *
 * <p>The objective is lexicographic: first the number of people in pairs, then the total score of
 * the pairs. Both bounds come from one feasible dual solution of the matching LP (vertex and
 * odd-set duals) on the candidate graph: with weights {@code C + score}, where {@code C} exceeds
 * any possible difference in total score, no matching of the candidate graph pairs more than {@code
 * matchableUpperBound} people; and no maximum-cardinality matching scores more than {@code
 * upperBound} (the smaller of that dual less {@code C} per pair found, and the optimum of the
 * score-only phase, which bounds every matching). When {@code optimal}, both are attained: the
 * matching is a proven optimum of the candidate graph. Trio members added afterwards are reported
 * apart ({@code inTrios}).
 *
 * @param people candidates in the request
 * @param matchedPeople people in pairs (locked pairs included), {@code 2 x pairs}
 * @param matchableUpperBound no matching of the candidate graph pairs more people than this
 * @param objective total score of all pairs (locked pairs included; trios' extra points not)
 * @param upperBound no matching of the candidate graph with the maximum number of pairs scores more
 *     than this (nor, when the score-only phase finished, does any matching at all)
 * @param gap {@code upperBound - objective}
 * @param candidateEdges edges of the candidate graph (pairs the solver could choose)
 * @param denseGraph whether the candidate graph holds every valid pair
 * @param algorithm the algorithm that produced the pairs
 * @param optimal whether the dual proves the pairs optimal on the candidate graph
 * @param inTrios people who joined a pair as a third member
 * @param waitlisted people on the waitlist
 * @param phaseTimings wall-clock time per phase, in order
 */
public record QualityReport(
    int people,
    int matchedPeople,
    int matchableUpperBound,
    long objective,
    long upperBound,
    long gap,
    int candidateEdges,
    boolean denseGraph,
    String algorithm,
    boolean optimal,
    int inTrios,
    int waitlisted,
    Map<String, Duration> phaseTimings) {

  public QualityReport {
    phaseTimings = Collections.unmodifiableMap(new LinkedHashMap<>(phaseTimings));
    if (upperBound < objective || gap != upperBound - objective) {
      throw new IllegalArgumentException("inconsistent bound " + upperBound + " / " + objective);
    }
    if (matchableUpperBound < matchedPeople) {
      throw new IllegalArgumentException("matchable bound below matched people");
    }
  }

  /** {@code gap / upperBound}, 0 when the bound is 0. */
  public double relativeGap() {
    return upperBound == 0 ? 0 : (double) gap / upperBound;
  }

  /** Total of all phase timings. */
  public Duration totalTime() {
    return phaseTimings.values().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
