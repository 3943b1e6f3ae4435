package org.penpals.matching.engine.solver;

/**
 * A solution of the fractional matching LP (no odd-set constraints) and its dual, from {@link
 * FractionalMatching}: whole edges ({@code mate}) plus vertex-disjoint odd cycles of half-edges
 * ({@code cycleNext}).
 *
 * @param mate for each vertex its partner on a whole edge, or {@code -1}
 * @param cycleNext for each vertex on a half-cycle the next vertex of the cycle, else {@code -1}
 * @param cycleEdge the edge from a cycle vertex to its {@code cycleNext}, else {@code -1}
 * @param potentials twice each vertex's dual ({@code Y = 2y}): {@code Y_a + Y_b >= 2 w_ab}, {@code
 *     Y >= 0}
 * @param twicePrimal twice the primal value: {@code 2 x} whole edges plus the half-cycles' edges
 * @param twiceDual the sum of the potentials, twice the dual value
 * @param optimal whether the solve finished: then {@code twicePrimal == twiceDual}, the LP optimum
 * @param cycles the number of half-cycles
 * @param events primal-dual events processed
 */
public record FractionalSolution(
    int[] mate,
    int[] cycleNext,
    int[] cycleEdge,
    long[] potentials,
    long twicePrimal,
    long twiceDual,
    boolean optimal,
    int cycles,
    long events) {

  public FractionalSolution {
    mate = mate.clone();
    cycleNext = cycleNext.clone();
    cycleEdge = cycleEdge.clone();
    potentials = potentials.clone();
  }

  @Override
  public int[] mate() {
    return mate.clone();
  }

  @Override
  public int[] cycleNext() {
    return cycleNext.clone();
  }

  @Override
  public int[] cycleEdge() {
    return cycleEdge.clone();
  }

  @Override
  public long[] potentials() {
    return potentials.clone();
  }

  /**
   * An upper bound on the weight of every matching (the dual value, rounded down: weights are
   * integers). Valid even when the solve was stopped, since the duals are always feasible.
   */
  public long upperBound() {
    return Math.floorDiv(twiceDual, 2);
  }

  /**
   * A start for {@link BlossomSolver}: the whole edges, and on each half-cycle the vertex with the
   * smallest dual (the lowest index among equals) left exposed and the others matched along the
   * cycle. Every matched edge is tight and the duals are feasible; the exposed vertices with a
   * positive dual are the only trees the blossom algorithm still has to grow.
   */
  public WarmStart warmStart() {
    int n = mate.length;
    int[] start = mate.clone();
    boolean[] done = new boolean[n];
    for (int v = 0; v < n; v++) {
      if (cycleNext[v] < 0 || done[v]) {
        continue;
      }
      int exposed = v;
      for (int c = cycleNext[v]; c != v; c = cycleNext[c]) {
        if (potentials[c] < potentials[exposed]
            || (potentials[c] == potentials[exposed] && c < exposed)) {
          exposed = c;
        }
      }
      done[exposed] = true;
      for (int c = cycleNext[exposed]; c != exposed; c = cycleNext[cycleNext[c]]) {
        int d = cycleNext[c];
        start[c] = d;
        start[d] = c;
        done[c] = true;
        done[d] = true;
      }
    }
    return new WarmStart(start, potentials, 0);
  }
}
