package org.penpals.matching.engine.solver;

/**
 * The baseline: take edges heaviest first while both ends are free. Fast and a 1/2-approximation,
 * but on pruned candidate graphs it strands many people (see docs/matching.md). Its upper bound is
 * the trivial one: half the sum over vertices of their heaviest edge.
 */
public final class GreedySolver {
  private GreedySolver() {}

  public static MatchingSolution solve(WeightedGraph graph) {
    int n = graph.vertexCount();
    int m = graph.edgeCount();
    long[] w = graph.weightArray();
    int[] sorted = sortByWeightDescending(w);
    int[] mate = new int[n];
    java.util.Arrays.fill(mate, -1);
    long weight = 0;
    for (int k : sorted) {
      int a = graph.from(k);
      int b = graph.to(k);
      if (mate[a] < 0 && mate[b] < 0) {
        mate[a] = b;
        mate[b] = a;
        weight += w[k];
      }
    }
    long[] best = new long[n];
    for (int k = 0; k < m; k++) {
      best[graph.from(k)] = Math.max(best[graph.from(k)], w[k]);
      best[graph.to(k)] = Math.max(best[graph.to(k)], w[k]);
    }
    long twice = 0;
    for (long b : best) {
      twice += b;
    }
    return new MatchingSolution(
        mate, weight, Math.max(weight, twice / 2), false, "greedy", m, new long[0]);
  }

  private static int[] sortByWeightDescending(long[] w) {
    int m = w.length;
    long max = 0;
    for (long weight : w) {
      max = Math.max(max, weight);
    }
    int[] order = new int[m];
    if (max < (1L << 38) && m < (1 << 25)) { // primitive keys: (max - weight, index)
      long[] keys = new long[m];
      for (int k = 0; k < m; k++) {
        keys[k] = ((max - w[k]) << 25) | k;
      }
      java.util.Arrays.sort(keys);
      for (int k = 0; k < m; k++) {
        order[k] = (int) (keys[k] & ((1 << 25) - 1));
      }
      return order;
    }
    Integer[] boxed = new Integer[m];
    for (int k = 0; k < m; k++) {
      boxed[k] = k;
    }
    java.util.Arrays.sort(boxed, (x, y) -> w[x] != w[y] ? Long.compare(w[y], w[x]) : x - y);
    for (int k = 0; k < m; k++) {
      order[k] = boxed[k];
    }
    return order;
  }
}
