package org.penpals.matching.engine.solver;

/**
 * A matching with its certificate.
 *
 * @param mate for each vertex its partner, or {@code -1}
 * @param weight the matching's total weight
 * @param upperBound an upper bound on the weight of <em>every</em> matching of the graph: the value
 *     of a feasible solution of the dual of the matching LP (Edmonds' odd-set constraints
 *     included), rounded down since weights are integers
 * @param optimal whether {@code weight == upperBound}, i.e. the matching is proven optimal
 * @param algorithm what produced it
 * @param events primal-dual events processed (labels, blossoms, expansions, augmentations)
 * @param potentials for each vertex twice its dual plus the duals of the blossoms containing it: a
 *     feasible solution of the LP without odd-set constraints, and a {@link WarmStart} for a
 *     related problem (empty where the algorithm has no duals)
 */
public record MatchingSolution(
    int[] mate,
    long weight,
    long upperBound,
    boolean optimal,
    String algorithm,
    long events,
    long[] potentials) {

  public MatchingSolution {
    mate = mate.clone();
    potentials = potentials.clone();
    if (upperBound < weight) {
      throw new IllegalArgumentException("upper bound " + upperBound + " below weight " + weight);
    }
  }

  @Override
  public int[] mate() {
    return mate.clone();
  }

  @Override
  public long[] potentials() {
    return potentials.clone();
  }

  /** The partner of {@code vertex}, or {@code -1}. */
  public int mateOf(int vertex) {
    return mate[vertex];
  }

  /** Number of matched edges. */
  public int size() {
    int matched = 0;
    for (int m : mate) {
      if (m >= 0) {
        matched++;
      }
    }
    return matched / 2;
  }

  /** {@code upperBound - weight}. */
  public long gap() {
    return upperBound - weight;
  }
}
