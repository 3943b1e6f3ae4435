package org.penpals.matching.engine.solver;

import java.util.Arrays;

/**
 * The fractional jump start: an optimal solution of the matching LP <em>without</em> Edmonds'
 * odd-set constraints ({@code max sum w_e x_e}, {@code sum over e at v of x_e <= 1}, {@code x >=
 * 0}) and of its dual ({@code min sum y_v}, {@code y_a + y_b >= w_e}, {@code y >= 0}).
 *
 * <p>Its primal is half-integral: whole edges (a matching) plus vertex-disjoint odd cycles of
 * half-edges. It is found by the same primal-dual scheme as {@link BlossomSolver} (every exposed
 * vertex with a positive dual roots an alternating tree, all trees grow under one global dual
 * change, lazy duals, one least-slack heap entry per vertex) but <b>without blossoms</b>: when an
 * outer-outer edge closes an odd cycle inside a tree, the stem from the root to the cycle is
 * flipped, the cycle becomes a cycle of half-edges and the tree is done. A tree that reaches a
 * half-cycle augments into it (the rest of the cycle becomes whole edges). Trees therefore end much
 * sooner than the blossom algorithm's, which keep growing through their blossoms.
 *
 * <p>Uses:
 *
 * <ul>
 *   <li>{@link FractionalSolution#upperBound()}: the LP optimum bounds every matching's weight;
 *   <li>{@link FractionalSolution#warmStart()}: each odd cycle leaves one vertex exposed, the rest
 *       matched along tight cycle edges; the duals are feasible and every matched edge is tight, so
 *       {@link BlossomSolver} finishes exactly from there with one tree per cycle at most (as in
 *       LEMON and Blossom V's fractional initialisation).
 * </ul>
 *
 * <p>Duals are kept doubled ({@code Y = 2y}), starting even, so they stay integral: within a tree
 * all vertices share the parity of the root, and all roots change together, so the slack of an
 * outer-outer edge is always even. Not thread-safe; {@link #solve} is the entry point.
 */
public final class FractionalMatching {
  private static final int FREE = 0;
  private static final int OUTER = 1;
  private static final int INNER = 2;

  private final int n;
  private final int[] endpoint;
  private final long[] w;
  private final int[] adjStart;
  private final int[] adj; // endpoint indices p whose endpoint[p] is the neighbour
  private final SolverMonitor monitor;

  private final int[] mate; // partner vertex, or -1
  private final int[] mateEdge;
  private final int[] cycleNext; // next vertex on the vertex's half-cycle, or -1
  private final int[] cycleEdge; // the edge to cycleNext
  private final int[] label;
  private final int[] parent; // tree parent, -1 at a root
  private final int[] parentEdge;
  private final int[] mark;
  private int markStamp;

  // lazy doubled duals: duals[2v] + duals[2v + 1] * now, rate -1 (outer), +1 (inner) or 0
  private final long[] duals;
  private long now;

  private final int[] treeOf;
  private final int[][] members;
  private final int[] memberCount;
  private int openTrees;
  private int initialTrees;

  private final BlossomSolver.IntStack queue = new BlossomSolver.IntStack(64);
  private final BlossomSolver.IntStack rescan = new BlossomSolver.IntStack(64);
  private final BlossomSolver.IntStack cycle = new BlossomSolver.IntStack(64);
  private final BlossomSolver.Heap zeroDual = new BlossomSolver.Heap(); // vertices: Y + now
  private final BlossomSolver.Heap outerToFree = new BlossomSolver.Heap(); // slack + now
  private final BlossomSolver.Heap outerToOuter = new BlossomSolver.Heap(); // slack + 2 now
  private final long[] bestFree;
  private final long[] bestOuter;
  private long scanBest;
  private int scanBestEdge;
  private long events;

  private FractionalMatching(WeightedGraph graph, SolverMonitor monitor) {
    this.monitor = monitor;
    n = graph.vertexCount();
    int m = graph.edgeCount();
    int[] from = graph.fromArray();
    int[] to = graph.toArray();
    w = graph.weightArray();
    endpoint = new int[2 * m];
    adjStart = new int[n + 1];
    for (int k = 0; k < m; k++) {
      endpoint[2 * k] = from[k];
      endpoint[2 * k + 1] = to[k];
      adjStart[from[k] + 1]++;
      adjStart[to[k] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      adjStart[v + 1] += adjStart[v];
    }
    adj = new int[2 * m];
    int[] fill = Arrays.copyOf(adjStart, n);
    for (int k = 0; k < m; k++) {
      adj[fill[from[k]]++] = 2 * k + 1;
      adj[fill[to[k]]++] = 2 * k;
    }
    mate = new int[n];
    mateEdge = new int[n];
    cycleNext = new int[n];
    cycleEdge = new int[n];
    label = new int[n];
    parent = new int[n];
    parentEdge = new int[n];
    mark = new int[n];
    treeOf = new int[n];
    Arrays.fill(mate, -1);
    Arrays.fill(mateEdge, -1);
    Arrays.fill(cycleNext, -1);
    Arrays.fill(cycleEdge, -1);
    Arrays.fill(parent, -1);
    Arrays.fill(parentEdge, -1);
    Arrays.fill(treeOf, -1);
    duals = new long[2 * n];
    members = new int[n][];
    memberCount = new int[n];
    bestFree = new long[n];
    Arrays.fill(bestFree, Long.MAX_VALUE);
    bestOuter = new long[n];
    Arrays.fill(bestOuter, Long.MAX_VALUE);
  }

  /** Solves the fractional LP exactly. */
  public static FractionalSolution solve(WeightedGraph graph) {
    return solve(graph, SolverMonitor.NONE);
  }

  /**
   * Solves the fractional LP, unless {@code monitor} stops it (then the duals are still feasible,
   * so the bound holds, and the warm start is still valid, only with more exposed vertices).
   */
  public static FractionalSolution solve(WeightedGraph graph, SolverMonitor monitor) {
    return new FractionalMatching(graph, monitor).run();
  }

  // ---------------------------------------------------------------- duals

  private long dual(int v) {
    return duals[2 * v] + duals[2 * v + 1] * now;
  }

  private void setRate(int v, int r) {
    long current = dual(v);
    duals[2 * v + 1] = r;
    duals[2 * v] = current - r * now;
  }

  private long slack(int k) {
    return dual(endpoint[2 * k]) + dual(endpoint[2 * k + 1]) - 2 * w[k];
  }

  // ---------------------------------------------------------------- main loop

  private FractionalSolution run() {
    greedyStart();
    for (int v = 0; v < n; v++) {
      if (mate[v] == -1 && dual(v) > 0) {
        openTrees++;
        treeOf[v] = v;
        join(v, v);
        label[v] = OUTER;
        setRate(v, -1);
        queue.push(v);
        zeroDual.push(dual(v) + now, v);
      }
    }
    initialTrees = openTrees;
    boolean stopped = false;
    long nextCheck = 4096;
    while (openTrees > 0) {
      while (!queue.isEmpty()) {
        int v = queue.pop();
        if (label[v] != OUTER) {
          continue;
        }
        scanBest = Long.MAX_VALUE;
        scanBestEdge = -1;
        for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
          considerEdge(v, adj[i]);
          if (label[v] != OUTER) {
            break;
          }
        }
        if (label[v] == OUTER) {
          bestOuter[v] = scanBest;
          if (scanBestEdge >= 0) {
            outerToOuter.push(scanBest, scanBestEdge);
          }
        }
      }
      if (openTrees == 0) {
        break;
      }
      if (++events >= nextCheck) {
        nextCheck = events + 4096;
        if (monitor.shouldStop(openTrees, initialTrees)) {
          stopped = true;
          break;
        }
      }
      dualStep();
    }
    return result(!stopped);
  }

  private void dualStep() {
    int type = 0;
    long delta = Long.MAX_VALUE;
    int item = -1;
    if (topOuterToFree()) {
      long d = outerToFree.topKey() - now;
      if (d < delta) {
        delta = d;
        type = 2;
        item = outerToFree.topId();
      }
    }
    if (topOuterToOuter()) {
      long s = outerToOuter.topKey() - 2 * now;
      if ((s & 1) != 0) {
        throw new IllegalStateException("odd slack between outer vertices: " + s);
      }
      if (s / 2 < delta) {
        delta = s / 2;
        type = 3;
        item = outerToOuter.topId();
      }
    }
    if (topZeroDual()) {
      long d = zeroDual.topKey() - now;
      if (d < delta) {
        delta = d;
        type = 1;
        item = zeroDual.topId();
      }
    }
    if (item < 0) {
      throw new IllegalStateException("open trees but no possible dual change");
    }
    if (delta < 0) {
      throw new IllegalStateException("negative dual change " + delta + " (type " + type + ")");
    }
    now += delta;
    switch (type) {
      case 1 -> {
        zeroDual.pop();
        events++;
        int tree = treeOf[item];
        flipToRoot(item, -1, -1);
        destroyTree(tree);
      }
      case 2 -> {
        outerToFree.pop();
        int a = endpoint[2 * item];
        int p = label[a] == OUTER ? 2 * item + 1 : 2 * item;
        considerEdge(endpoint[p ^ 1], p);
        afterEdgeEvent(item);
      }
      default -> {
        outerToOuter.pop();
        considerEdge(endpoint[2 * item], 2 * item + 1);
        afterEdgeEvent(item);
      }
    }
  }

  private boolean topZeroDual() {
    while (!zeroDual.isEmpty()) {
      int x = zeroDual.topId();
      if (label[x] != OUTER) {
        zeroDual.pop();
        continue;
      }
      long actual = dual(x) + now;
      if (actual != zeroDual.topKey()) {
        zeroDual.pop();
        zeroDual.push(actual, x);
        continue;
      }
      return true;
    }
    return false;
  }

  private boolean topOuterToFree() {
    while (!outerToFree.isEmpty()) {
      int k = outerToFree.topId();
      long key = outerToFree.topKey();
      int a = endpoint[2 * k];
      int b = endpoint[2 * k + 1];
      int la = label[a];
      int lb = label[b];
      if (((la == OUTER && lb == FREE) || (la == FREE && lb == OUTER)) && slack(k) + now == key) {
        return true;
      }
      outerToFree.pop();
      if (la == FREE && bestFree[a] == key) {
        refreshFree(a);
      }
      if (lb == FREE && bestFree[b] == key) {
        refreshFree(b);
      }
    }
    return false;
  }

  private boolean topOuterToOuter() {
    while (!outerToOuter.isEmpty()) {
      int k = outerToOuter.topId();
      long key = outerToOuter.topKey();
      int a = endpoint[2 * k];
      int b = endpoint[2 * k + 1];
      if (label[a] == OUTER && label[b] == OUTER && slack(k) + 2 * now == key) {
        return true;
      }
      outerToOuter.pop();
      if (label[a] == OUTER && bestOuter[a] == key) {
        refreshOuter(a);
      }
      if (label[b] == OUTER && bestOuter[b] == key) {
        refreshOuter(b);
      }
    }
    return false;
  }

  /** The heap entry of an edge event was used up: its ends need a fresh least-slack entry. */
  private void afterEdgeEvent(int k) {
    for (int side = 0; side < 2; side++) {
      int x = endpoint[2 * k + side];
      if (label[x] == FREE) {
        refreshFree(x);
      } else if (label[x] == OUTER) {
        refreshOuter(x);
      }
    }
  }

  /** Records the least-slack edge from outer vertex {@code v} to another outer vertex. */
  private void refreshOuter(int v) {
    long best = Long.MAX_VALUE;
    int bestEdge = -1;
    for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
      int p = adj[i];
      if (label[endpoint[p]] == OUTER) {
        long key = slack(p >> 1) + 2 * now;
        if (key < best) {
          best = key;
          bestEdge = p >> 1;
        }
      }
    }
    bestOuter[v] = best;
    if (bestEdge >= 0) {
      outerToOuter.push(best, bestEdge);
    }
  }

  /** Records the least-slack edge from an outer vertex to unlabelled vertex {@code x}. */
  private void refreshFree(int x) {
    long best = Long.MAX_VALUE;
    int bestEdge = -1;
    for (int i = adjStart[x], end = adjStart[x + 1]; i < end; i++) {
      int p = adj[i];
      if (label[endpoint[p]] == OUTER) {
        long key = slack(p >> 1) + now;
        if (key < best) {
          best = key;
          bestEdge = p >> 1;
        }
      }
    }
    bestFree[x] = best;
    if (bestEdge >= 0) {
      outerToFree.push(best, bestEdge);
    }
  }

  /** Looks at edge {@code p >> 1} from outer vertex {@code v} towards {@code endpoint[p]}. */
  private void considerEdge(int v, int p) {
    int u = endpoint[p];
    int k = p >> 1;
    int lu = label[u];
    if (lu == INNER) {
      return; // slack stays constant while one side is outer and the other inner
    }
    long s = slack(k);
    if (s > 0) {
      if (lu == FREE) {
        long key = s + now;
        if (key < bestFree[u]) {
          bestFree[u] = key;
          outerToFree.push(key, k);
        }
      } else if (s + 2 * now < scanBest) {
        scanBest = s + 2 * now;
        scanBestEdge = k;
      }
      return;
    }
    events++;
    int tree = treeOf[v];
    if (lu == FREE) {
      if (mate[u] >= 0) {
        int x = mate[u];
        label[u] = INNER;
        parent[u] = v;
        parentEdge[u] = k;
        setRate(u, 1);
        join(tree, u);
        label[x] = OUTER;
        parent[x] = u;
        parentEdge[x] = mateEdge[u];
        setRate(x, -1);
        join(tree, x);
        queue.push(x);
        zeroDual.push(dual(x) + now, x);
        return;
      }
      if (cycleNext[u] >= 0) {
        breakCycle(u);
      }
      flipToRoot(v, u, k);
      match(u, v, k);
      destroyTree(tree);
      return;
    }
    int otherTree = treeOf[u];
    if (otherTree != tree) {
      flipToRoot(v, u, k);
      flipToRoot(u, v, k);
      destroyTree(tree);
      destroyTree(otherTree);
      return;
    }
    closeCycle(v, u, k);
    destroyTree(tree);
  }

  private void match(int a, int b, int k) {
    mate[a] = b;
    mateEdge[a] = k;
    mate[b] = a;
    mateEdge[b] = k;
  }

  /**
   * Flips the tree path from outer vertex {@code v} to its root: {@code v} gets {@code partner} (or
   * becomes exposed when -1), each inner vertex on the path takes its tree parent, the root gets a
   * partner.
   */
  private void flipToRoot(int v, int partner, int edge) {
    int x = v;
    int to = partner;
    int e = edge;
    while (true) {
      int i = parent[x];
      mate[x] = to;
      mateEdge[x] = e;
      if (i < 0) {
        return;
      }
      int j = parent[i];
      mate[i] = j;
      mateEdge[i] = parentEdge[i];
      x = j;
      to = i;
      e = parentEdge[i];
    }
  }

  /** A half-cycle entered at {@code u}: the rest of the cycle is matched along its edges. */
  private void breakCycle(int u) {
    int c = cycleNext[u];
    cycleNext[u] = -1;
    cycleEdge[u] = -1;
    while (c != u) {
      int d = cycleNext[c];
      int afterD = cycleNext[d];
      match(c, d, cycleEdge[c]);
      cycleNext[c] = -1;
      cycleEdge[c] = -1;
      cycleNext[d] = -1;
      cycleEdge[d] = -1;
      c = afterD;
    }
  }

  /**
   * Tight edge {@code k} between outer vertices {@code v} and {@code u} of the same tree: the tree
   * paths from both to their nearest common (outer) ancestor {@code b} and the edge form an odd
   * cycle; the stem from the root to {@code b} is flipped and the cycle becomes half-edges.
   */
  private void closeCycle(int v, int u, int k) {
    int stamp = ++markStamp;
    int x = v;
    int y = u;
    int base;
    // climb both paths two steps (outer to outer) at a time until one meets a marked vertex
    while (true) {
      if (x >= 0) {
        if (mark[x] == stamp) {
          base = x;
          break;
        }
        mark[x] = stamp;
        x = parent[x] < 0 ? -1 : parent[parent[x]];
      }
      if (y >= 0) {
        if (mark[y] == stamp) {
          base = y;
          break;
        }
        mark[y] = stamp;
        y = parent[y] < 0 ? -1 : parent[parent[y]];
      }
    }
    // both sides in full (inner vertices too), from v and from u up to the base (exclusive)
    cycle.truncate(0);
    int start = 0;
    for (int z = v; z != base; z = parent[z]) {
      cycle.push(z);
    }
    int vSideEnd = cycle.size();
    for (int z = u; z != base; z = parent[z]) {
      cycle.push(z);
    }
    int uSideEnd = cycle.size();
    flipToRoot(base, -1, -1);
    // cycle order: base, (v side from the base's child down to v), u, ..., u side's top, base
    int previous = base;
    for (int i = vSideEnd - 1; i >= start; i--) {
      int z = cycle.get(i);
      cycleNext[previous] = z;
      cycleEdge[previous] = parentEdge[z];
      previous = z;
    }
    cycleNext[previous] = u;
    cycleEdge[previous] = k;
    for (int i = vSideEnd; i < uSideEnd; i++) {
      int z = cycle.get(i);
      cycleNext[z] = parent[z];
      cycleEdge[z] = parentEdge[z];
    }
    for (int i = start; i < uSideEnd; i++) {
      int z = cycle.get(i);
      mate[z] = -1;
      mateEdge[z] = -1;
    }
    mate[base] = -1;
    mateEdge[base] = -1;
    cycle.truncate(0);
  }

  private void join(int tree, int x) {
    treeOf[x] = tree;
    int[] list = members[tree];
    if (list == null) {
      list = new int[8];
      members[tree] = list;
    } else if (memberCount[tree] == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
      members[tree] = list;
    }
    list[memberCount[tree]++] = x;
  }

  /** Unlabels a tree that augmented, closed a cycle or lost its root's dual. */
  private void destroyTree(int tree) {
    openTrees--;
    int[] list = members[tree];
    int count = memberCount[tree];
    members[tree] = null;
    memberCount[tree] = 0;
    int from = rescan.size();
    for (int i = 0; i < count; i++) {
      int x = list[i];
      treeOf[x] = -1;
      setRate(x, 0);
      label[x] = FREE;
      parent[x] = -1;
      parentEdge[x] = -1;
      rescan.push(x);
    }
    for (int i = from; i < rescan.size(); i++) {
      refreshFree(rescan.get(i));
    }
    rescan.truncate(from);
  }

  // ---------------------------------------------------------------- start

  /**
   * Duals start at each vertex's heaviest edge (even, so that all roots share a parity); each
   * vertex in turn lowers its dual until an edge is tight, and a tight edge between exposed
   * vertices is matched; then augmenting paths of three tight edges are flipped.
   */
  private void greedyStart() {
    for (int v = 0; v < n; v++) {
      long best = 0;
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        best = Math.max(best, w[adj[i] >> 1]);
      }
      duals[2 * v] = best + (best & 1);
    }
    for (int v = 0; v < n; v++) {
      long minSlack = Long.MAX_VALUE;
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        minSlack = Math.min(minSlack, slack(adj[i] >> 1));
      }
      if (minSlack == Long.MAX_VALUE) {
        duals[2 * v] = 0;
        continue;
      }
      long lower = Math.min(duals[2 * v], minSlack);
      lower -= lower & 1;
      duals[2 * v] -= lower;
      if (mate[v] != -1) {
        continue;
      }
      int bestP = -1;
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        int p = adj[i];
        if (mate[endpoint[p]] == -1 && slack(p >> 1) == 0) {
          if (bestP < 0 || w[p >> 1] > w[bestP >> 1]) {
            bestP = p;
          }
        }
      }
      if (bestP >= 0) {
        match(v, endpoint[bestP], bestP >> 1);
      }
    }
    for (int v = 0; v < n; v++) {
      if (mate[v] != -1 || duals[2 * v] == 0) {
        continue;
      }
      search:
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        int p = adj[i];
        int j = endpoint[p];
        if (slack(p >> 1) != 0 || mate[j] == -1) {
          continue;
        }
        int x = mate[j];
        for (int a = adjStart[x], aEnd = adjStart[x + 1]; a < aEnd; a++) {
          int q = adj[a];
          int z = endpoint[q];
          if (z != v && mate[z] == -1 && slack(q >> 1) == 0) {
            match(v, j, p >> 1);
            match(x, z, q >> 1);
            break search;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- result

  private FractionalSolution result(boolean finished) {
    for (int v = 0; v < n; v++) {
      setRate(v, 0);
    }
    long[] potentials = new long[n];
    long sumY = 0;
    for (int v = 0; v < n; v++) {
      potentials[v] = duals[2 * v];
      sumY += potentials[v];
    }
    long twicePrimal = 0;
    int cycles = 0;
    for (int v = 0; v < n; v++) {
      if (mate[v] > v) {
        twicePrimal += 2 * w[mateEdge[v]];
      }
      if (cycleNext[v] >= 0) {
        twicePrimal += w[cycleEdge[v]];
      }
    }
    int[] seen = new int[n];
    for (int v = 0; v < n; v++) {
      if (cycleNext[v] >= 0 && seen[v] == 0) {
        cycles++;
        for (int c = v; seen[c] == 0; c = cycleNext[c]) {
          seen[c] = 1;
        }
      }
    }
    if (finished && sumY != twicePrimal) {
      throw new IllegalStateException(
          "fractional matching finished without optimality: 2 x primal "
              + twicePrimal
              + ", 2 x dual "
              + sumY);
    }
    return new FractionalSolution(
        mate, cycleNext, cycleEdge, potentials, twicePrimal, sumY, finished, cycles, events);
  }
}
