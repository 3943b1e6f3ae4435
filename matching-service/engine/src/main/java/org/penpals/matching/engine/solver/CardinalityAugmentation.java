package org.penpals.matching.engine.solver;

import java.util.Arrays;

/**
 * Makes a matching maximum in cardinality: Edmonds' augmenting-path search with blossom shrinking
 * (the breadth-first version with a base per vertex), one exposed vertex at a time. When the search
 * from an exposed vertex fails, its tree is Hungarian and is removed from the graph for good: no
 * later augmenting path can use it (Edmonds). When every exposed vertex has been searched without
 * success, no augmenting path exists and the matching is maximum (Berge).
 *
 * <p>Each augmentation adds one pair and flips the path; the weight is not considered, except that
 * each vertex tries its neighbours heaviest first. Costs are per search proportional to what the
 * search touches (arrays are reset by time stamps). Not thread-safe.
 */
public final class CardinalityAugmentation {
  private final int n;
  private final int[] adjStart;
  private final int[] adj;
  private final int[] mate;
  private final int[] parent;
  private final int[] base;
  private final int[] used; // stamp: vertex reached as outer
  private final int[] touchedStamp; // stamp: parent/base touched in this search
  private final int[] blossomStamp;
  private final int[] lcaStamp;
  private final boolean[] removed;
  private final BlossomSolver.IntStack queue = new BlossomSolver.IntStack(64);
  private final BlossomSolver.IntStack touched = new BlossomSolver.IntStack(64);
  private int stamp;
  private int blossomMark;
  private int lcaMark;

  /**
   * Result.
   *
   * @param mate the augmented matching
   * @param maximum whether every exposed vertex was searched, so that the matching is maximum
   * @param augmentations pairs added
   */
  public record Result(int[] mate, boolean maximum, int augmentations) {
    public Result {
      mate = mate.clone();
    }

    @Override
    public int[] mate() {
      return mate.clone();
    }
  }

  private CardinalityAugmentation(WeightedGraph graph, int[] start) {
    n = graph.vertexCount();
    int m = graph.edgeCount();
    int[] from = graph.fromArray();
    int[] to = graph.toArray();
    long[] w = graph.weightArray();
    // neighbours heaviest first: edges by weight descending, then filled into the lists
    long max = 0;
    for (long x : w) {
      max = Math.max(max, x);
    }
    Integer[] order = null;
    int[] sorted = new int[m];
    if (max < (1L << 38) && m < (1 << 25)) {
      long[] keys = new long[m];
      for (int k = 0; k < m; k++) {
        keys[k] = ((max - w[k]) << 25) | k;
      }
      Arrays.sort(keys);
      for (int k = 0; k < m; k++) {
        sorted[k] = (int) (keys[k] & ((1 << 25) - 1));
      }
    } else {
      order = new Integer[m];
      for (int k = 0; k < m; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (x, y) -> w[x] != w[y] ? Long.compare(w[y], w[x]) : x - y);
      for (int k = 0; k < m; k++) {
        sorted[k] = order[k];
      }
    }
    adjStart = new int[n + 1];
    for (int k = 0; k < m; k++) {
      adjStart[from[k] + 1]++;
      adjStart[to[k] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      adjStart[v + 1] += adjStart[v];
    }
    adj = new int[2 * m];
    int[] fill = Arrays.copyOf(adjStart, n);
    for (int k : sorted) {
      adj[fill[from[k]]++] = to[k];
      adj[fill[to[k]]++] = from[k];
    }
    mate = start.clone();
    parent = new int[n];
    base = new int[n];
    used = new int[n];
    touchedStamp = new int[n];
    blossomStamp = new int[n];
    lcaStamp = new int[n];
    removed = new boolean[n];
    Arrays.fill(parent, -1);
    for (int v = 0; v < n; v++) {
      base[v] = v;
    }
  }

  /**
   * Augments {@code mate} (a matching of {@code graph}, {@code -1} = exposed) until it is maximum
   * or {@code deadline} (a {@link System#nanoTime()} value) passes.
   */
  public static Result augment(WeightedGraph graph, int[] mate, long deadline) {
    if (mate.length != graph.vertexCount()) {
      throw new IllegalArgumentException("mate must have one entry per vertex");
    }
    return new CardinalityAugmentation(graph, mate).run(deadline);
  }

  private Result run(long deadline) {
    int augmentations = 0;
    for (int root = 0; root < n; root++) {
      if (mate[root] != -1 || removed[root]) {
        continue;
      }
      if ((root & 63) == 0 && System.nanoTime() > deadline) {
        return new Result(mate, false, augmentations);
      }
      int end = search(root);
      if (end >= 0) {
        flip(end);
        augmentations++;
      } else {
        for (int i = 0; i < touched.size(); i++) {
          removed[touched.get(i)] = true;
        }
      }
    }
    return new Result(mate, true, augmentations);
  }

  private void touch(int v) {
    if (touchedStamp[v] != stamp) {
      touchedStamp[v] = stamp;
      parent[v] = -1;
      base[v] = v;
      touched.push(v);
    }
  }

  /** Breadth-first search from exposed {@code root}; the exposed vertex reached, or -1. */
  private int search(int root) {
    stamp++;
    touched.truncate(0);
    queue.truncate(0);
    touch(root);
    used[root] = stamp;
    queue.push(root);
    for (int head = 0; head < queue.size(); head++) {
      int v = queue.get(head);
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        int to = adj[i];
        if (removed[to]) {
          continue;
        }
        touch(to);
        if (base[v] == base[to] || mate[v] == to) {
          continue;
        }
        if (to == root
            || (mate[to] != -1 && touchedStamp[mate[to]] == stamp && parent[mate[to]] != -1)) {
          int current = lca(v, to);
          blossomMark++;
          markPath(v, current, to);
          markPath(to, current, v);
          for (int t = 0; t < touched.size(); t++) {
            int x = touched.get(t);
            if (blossomStamp[base[x]] == blossomMark) {
              base[x] = current;
              if (used[x] != stamp) {
                used[x] = stamp;
                queue.push(x);
              }
            }
          }
        } else if (parent[to] == -1) {
          parent[to] = v;
          if (mate[to] == -1) {
            return to;
          }
          int next = mate[to];
          touch(next);
          used[next] = stamp;
          queue.push(next);
        }
      }
    }
    return -1;
  }

  private int lca(int a, int b) {
    lcaMark++;
    int x = a;
    while (true) {
      x = base[x];
      lcaStamp[x] = lcaMark;
      if (mate[x] == -1) {
        break;
      }
      x = parent[mate[x]];
    }
    int y = b;
    while (true) {
      y = base[y];
      if (lcaStamp[y] == lcaMark) {
        return y;
      }
      y = parent[mate[y]];
    }
  }

  private void markPath(int v, int b, int child) {
    int x = v;
    int c = child;
    while (base[x] != b) {
      blossomStamp[base[x]] = blossomMark;
      blossomStamp[base[mate[x]]] = blossomMark;
      parent[x] = c;
      c = mate[x];
      x = parent[mate[x]];
    }
  }

  private void flip(int end) {
    int v = end;
    while (v != -1) {
      int pv = parent[v];
      int ppv = mate[pv];
      mate[v] = pv;
      mate[pv] = v;
      v = ppv;
    }
  }
}
