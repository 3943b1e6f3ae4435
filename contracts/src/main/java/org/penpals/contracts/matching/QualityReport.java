package org.penpals.contracts.matching;

/**
 * How good a matching is, with its proof.
 *
 * @param people candidates in the run
 * @param matchable the most people any valid matching could pair (a maximum-cardinality bound)
 * @param matched people in a partnership
 * @param objective total score of the partnerships
 * @param upperBound a proven upper bound on the best total score at this cardinality
 * @param gap {@code (upperBound - objective) / upperBound}, 0 when proven optimal
 * @param pairs partnerships of two
 * @param trios partnerships of three
 * @param waitlisted people left without a partnership
 * @param candidateEdges pairs the solver considered
 * @param algorithm what solved it
 * @param durationMillis wall time of the run
 */
public record QualityReport(
    int people,
    int matchable,
    int matched,
    long objective,
    long upperBound,
    double gap,
    int pairs,
    int trios,
    int waitlisted,
    long candidateEdges,
    String algorithm,
    long durationMillis) {}
