package org.penpals.matching.engine.solver;

import java.util.Arrays;

/**
 * Bound-and-round for graphs too large for the exact {@link BlossomSolver}: an ε-scaling auction
 * (Bertsekas) solves the fractional matching LP (no odd-set constraints) to within a known
 * tolerance, its prices give a <em>proven</em> upper bound on every matching's weight, and its
 * half-integral solution is rounded to a matching.
 *
 * <p>The LP is solved as an assignment problem on the bipartite double cover: person {@code v} may
 * take object {@code u} for {@code w(v,u)} when {@code vu} is an edge, or its own object for 0
 * (staying unmatched), so a perfect assignment always exists. For <em>any</em> object prices {@code
 * p}, with {@code π_v = max(-p_v, max_u w(v,u) - p_u)}, the vertex duals {@code y_v = (π_v + p_v) /
 * 2} are feasible for the matching LP's dual ({@code y_a + y_b >= w_ab}, {@code y >= 0}), so {@code
 * Σ (π_v + p_v) / 2} bounds every matching — whether or not the auction finished. At the end of a
 * phase with step ε every person is within ε of its best offer, so the bound exceeds the
 * assignment's value by at most {@code n ε}; weights are scaled by {@link #SCALE} and the last
 * phase has ε = 1, which leaves at most {@code n / (2 · SCALE)} between the bound and the LP
 * optimum.
 *
 * <p>Rounding: every person holds at most one object and every object one person, so the arcs
 * {@code v → object} form vertex-disjoint paths and cycles of the graph; on each, the matching with
 * the most edges, then the most weight, is found by dynamic programming (an even cycle loses
 * nothing against its half-edges, an odd one a single vertex).
 *
 * <p>Deterministic: persons bid in index order from a FIFO queue. Not thread-safe.
 */
public final class AuctionMatching {
  /** Weights are multiplied by this, so that the last phase's ε = 1 is a quarter point. */
  static final long SCALE = 4;

  private static final long NONE = Long.MIN_VALUE / 4;

  private final int n;
  private final int[] adjStart;
  private final int[] adjVertex;
  private final long[] adjValue; // SCALE x weight
  private final long[] adjWeight;
  private final long[] price;
  private final int[] owner; // person holding object u, or -1
  private final int[] holds; // object held by person v, or -1
  private long bids;

  private AuctionMatching(WeightedGraph graph) {
    n = graph.vertexCount();
    int m = graph.edgeCount();
    int[] from = graph.fromArray();
    int[] to = graph.toArray();
    long[] w = graph.weightArray();
    adjStart = new int[n + 1];
    for (int k = 0; k < m; k++) {
      adjStart[from[k] + 1]++;
      adjStart[to[k] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      adjStart[v + 1] += adjStart[v];
    }
    adjVertex = new int[2 * m];
    adjValue = new long[2 * m];
    adjWeight = new long[2 * m];
    int[] fill = Arrays.copyOf(adjStart, n);
    for (int k = 0; k < m; k++) {
      int a = from[k];
      int b = to[k];
      adjVertex[fill[a]] = b;
      adjWeight[fill[a]] = w[k];
      adjValue[fill[a]++] = SCALE * w[k];
      adjVertex[fill[b]] = a;
      adjWeight[fill[b]] = w[k];
      adjValue[fill[b]++] = SCALE * w[k];
    }
    price = new long[n];
    owner = new int[n];
    holds = new int[n];
  }

  /**
   * Solves the fractional LP by auction and rounds it.
   *
   * @param deadline a {@link System#nanoTime()} value; when it passes the auction stops, and the
   *     bound from the current prices still holds (only looser)
   */
  public static MatchingSolution solve(WeightedGraph graph, long deadline) {
    if (graph.edgeCount() > 0 && maxWeight(graph) > Long.MAX_VALUE / (8 * SCALE * 4)) {
      throw new IllegalArgumentException("weights too large for the auction");
    }
    return new AuctionMatching(graph).run(deadline);
  }

  private static long maxWeight(WeightedGraph graph) {
    long max = 0;
    for (long x : graph.weightArray()) {
      max = Math.max(max, x);
    }
    return max;
  }

  private MatchingSolution run(long deadline) {
    long maxValue = 0;
    for (long a : adjValue) {
      maxValue = Math.max(maxValue, a);
    }
    boolean finished = true;
    BlossomSolver.IntStack queue = new BlossomSolver.IntStack(Math.max(16, n));
    for (long epsilon = Math.max(1, maxValue / 8); ; epsilon = Math.max(1, epsilon / 6)) {
      Arrays.fill(owner, -1);
      Arrays.fill(holds, -1);
      queue.truncate(0);
      for (int v = n - 1; v >= 0; v--) {
        queue.push(v);
      }
      if (!phase(queue, epsilon, deadline)) {
        finished = false;
        break;
      }
      if (epsilon == 1) {
        break;
      }
    }
    long twiceBound = 0; // SCALE x (sum of pi + p)
    for (int v = 0; v < n; v++) {
      long pi = -price[v];
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        pi = Math.max(pi, adjValue[i] - price[adjVertex[i]]);
      }
      twiceBound += pi + price[v];
    }
    int[] mate = round();
    long weight = 0;
    for (int v = 0; v < n; v++) {
      int u = mate[v];
      if (u > v) {
        weight += weightBetween(v, u);
      }
    }
    long bound = Math.max(weight, Math.floorDiv(twiceBound, 2 * SCALE));
    return new MatchingSolution(
        mate,
        weight,
        bound,
        weight == bound,
        finished
            ? "auction (fractional LP to within n/8 points), rounded"
            : "auction stopped at the time budget, rounded",
        bids,
        new long[0]);
  }

  /** One ε phase of the forward auction (Gauss-Seidel); false if the deadline stopped it. */
  private boolean phase(BlossomSolver.IntStack queue, long epsilon, long deadline) {
    long nextCheck = bids + 8192;
    while (!queue.isEmpty()) {
      int v = queue.pop();
      long best = -price[v];
      int bestObject = v;
      long second = NONE;
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        long value = adjValue[i] - price[adjVertex[i]];
        if (value > best) {
          second = best;
          best = value;
          bestObject = adjVertex[i];
        } else if (value > second) {
          second = value;
        }
      }
      if (second == NONE) { // no edges: nobody else can want object v either
        owner[v] = v;
        holds[v] = v;
        continue;
      }
      price[bestObject] += best - second + epsilon;
      int previous = owner[bestObject];
      owner[bestObject] = v;
      holds[v] = bestObject;
      if (previous >= 0) {
        holds[previous] = -1;
        queue.push(previous);
      }
      if (++bids >= nextCheck) {
        nextCheck = bids + 8192;
        if (System.nanoTime() > deadline) {
          return false;
        }
      }
    }
    return true;
  }

  private long weightBetween(int v, int u) {
    long best = -1;
    for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
      if (adjVertex[i] == u) {
        best = Math.max(best, adjWeight[i]);
      }
    }
    return best;
  }

  /**
   * The arcs person → held object, as undirected edges, form disjoint paths and cycles (2-cycles:
   * whole edges). Each is matched optimally: most edges first, then most weight.
   */
  private int[] round() {
    int[] mate = new int[n];
    Arrays.fill(mate, -1);
    int[] next = new int[n]; // the object v holds, when it is another vertex
    int[] prev = new int[n];
    Arrays.fill(next, -1);
    Arrays.fill(prev, -1);
    for (int v = 0; v < n; v++) {
      int u = holds[v];
      if (u >= 0 && u != v) {
        next[v] = u;
        prev[u] = v;
      }
    }
    boolean[] seen = new boolean[n];
    BlossomSolver.IntStack chain = new BlossomSolver.IntStack(16);
    for (int s = 0; s < n; s++) {
      if (seen[s] || (next[s] < 0 && prev[s] < 0)) {
        continue;
      }
      // walk back to the start of a path, or stop when back at s (a cycle)
      int start = s;
      boolean cycle = false;
      while (prev[start] >= 0) {
        start = prev[start];
        if (start == s) {
          cycle = true;
          break;
        }
      }
      chain.truncate(0);
      int v = start;
      do {
        chain.push(v);
        seen[v] = true;
        v = next[v];
      } while (v >= 0 && v != start);
      int length = chain.size();
      if (cycle && length == 2) {
        mate[chain.get(0)] = chain.get(1);
        mate[chain.get(1)] = chain.get(0);
        continue;
      }
      int[] vertices = chain.toArray();
      long[] edge = new long[length]; // edge[i] between vertices[i] and vertices[i + 1 mod length]
      for (int i = 0; i < length; i++) {
        edge[i] =
            i + 1 < length || cycle ? weightBetween(vertices[i], vertices[(i + 1) % length]) : -1;
      }
      if (!cycle) {
        matchPath(vertices, edge, 0, length - 1, mate);
      } else {
        // either the closing edge is unused (a path over all), or it is used (a path over the rest)
        long without = pathValue(edge, 0, length - 1);
        long with = lexValue(edge[length - 1]) + pathValue(edge, 1, length - 2);
        if (with > without) {
          mate[vertices[length - 1]] = vertices[0];
          mate[vertices[0]] = vertices[length - 1];
          matchPath(vertices, edge, 1, length - 2, mate);
        } else {
          matchPath(vertices, edge, 0, length - 1, mate);
        }
      }
    }
    return mate;
  }

  /** A matched edge counts as one pair first, then its weight. */
  private static long lexValue(long weight) {
    return (1L << 40) + weight;
  }

  /** Best value of a matching on the path vertices[from..to] (edges edge[from..to-1]). */
  private static long pathValue(long[] edge, int from, int to) {
    long beforePrevious = 0; // best over vertices[from .. i-2]
    long previous = 0; // best over vertices[from .. i-1]
    for (int i = from + 1; i <= to; i++) {
      long current = Math.max(previous, beforePrevious + lexValue(edge[i - 1]));
      beforePrevious = previous;
      previous = current;
    }
    return previous;
  }

  private static void matchPath(int[] vertices, long[] edge, int from, int to, int[] mate) {
    int len = to - from + 1;
    if (len < 2) {
      return;
    }
    long[] best = new long[len + 1]; // best[i]: vertices[from .. from+i-1]
    for (int i = 2; i <= len; i++) {
      best[i] = Math.max(best[i - 1], best[i - 2] + lexValue(edge[from + i - 2]));
    }
    for (int i = len; i >= 2; ) {
      if (best[i] == best[i - 1]) {
        i--;
      } else {
        int a = vertices[from + i - 2];
        int b = vertices[from + i - 1];
        mate[a] = b;
        mate[b] = a;
        i -= 2;
      }
    }
  }
}
