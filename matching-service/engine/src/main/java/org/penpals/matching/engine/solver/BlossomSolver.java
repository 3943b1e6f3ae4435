package org.penpals.matching.engine.solver;

import java.util.Arrays;

/**
 * Exact maximum-weight matching on a general graph with integer weights: Edmonds' primal-dual
 * blossom algorithm, in the formulation of Galil (1986) and Van Rantwijk's well-known
 * implementation, reworked for large sparse graphs:
 *
 * <ul>
 *   <li><b>Warm start.</b> Vertex duals start at each vertex's best edge weight and are lowered
 *       greedily until some edge is tight; tight edges between free vertices are matched. Free
 *       vertices whose dual reaches zero are already optimal and never root a tree.
 *   <li><b>Many trees, no stages.</b> Every free vertex with a positive dual roots an alternating
 *       tree; all trees grow together under one global dual change. An augmentation or a dual
 *       reaching zero dissolves only the trees involved; all other trees keep their labels and
 *       blossoms (the textbook version relabels everything after each augmentation).
 *   <li><b>Lazy duals and heaps.</b> A dual is stored with the time and sign of its last change, so
 *       a dual update is {@code O(1)}; the four kinds of event (a free dual reaches zero, an edge
 *       to an unlabelled vertex gets tight, an edge between two outer vertices gets tight, an inner
 *       blossom's dual reaches zero) come from four binary heaps with lazy deletion.
 * </ul>
 *
 * <p>Free vertices may end with a dual above zero (non-perfect matching, LP with {@code y >= 0}):
 * when an outer vertex's dual reaches zero, the tree path is flipped so that vertex becomes free
 * (LEMON's rule). At the end every free vertex has dual zero, every matched edge is tight and every
 * blossom with a positive dual is full, so the dual value equals the matching's weight: that
 * equality is the proof of optimality, and the dual value is reported as the upper bound. Dual
 * values are kept doubled ({@code 2u}) in {@code long} arithmetic, so everything is exact for
 * weights up to about 2<sup>60</sup> / n.
 *
 * <p>Instances are single-use and not thread-safe; {@link #solve} is the entry point.
 */
public final class BlossomSolver {
  private static final int FREE = 0;
  private static final int OUTER = 1; // "S"
  private static final int INNER = 2; // "T"
  private static final int MARK = 4; // scanBlossom's breadcrumb

  private final int n;
  private final int[] endpoint; // endpoint[2k], endpoint[2k+1]: the ends of edge k
  private final long[] w;
  private final int[] adjStart;
  private final int[] adj; // endpoint indices p whose endpoint[p] is the neighbour
  private final SolverMonitor monitor;
  // 1, or 2 when a warm start's potentials are odd: weights and duals are doubled inside, so odd
  // potentials need no rounding (rounding would lose the tightness of matched edges)
  private final int scale;

  private final int[] mate; // endpoint index of the partner, or -1
  private final int[] label;
  private final int[] labelEnd;
  private final int[] inBlossom;
  private final int[] blossomParent;
  private final int[] blossomBase;
  private final int[][] blossomChilds;
  private final int[][] blossomEndps;
  private final int[] unused;
  private int unusedTop;

  // lazy duals: vertices 0..n-1 hold 2u, blossoms n..2n-1 hold z; "now" is the total dual change
  // interleaved per vertex/blossom x: duals[2x] + duals[2x + 1] * now is the current dual, where
  // duals[2x + 1] is its rate of change (-1, 0 or +1): one cache line per lookup
  private final long[] duals;
  private long now;

  private final int[] treeOf;
  private final int[][] members;
  private final int[] memberCount;
  private int openTrees;
  private int initialTrees;

  private final IntStack queue = new IntStack(64);
  private final Heap zeroDual = new Heap(); // vertices: 2u + now
  private final Heap outerToFree = new Heap(); // edges: slack + now
  private final Heap outerToOuter = new Heap(); // edges: slack + 2 now
  private final Heap innerBlossoms = new Heap(); // blossoms: z + now
  // the key of each vertex's recorded least-slack edge in the heaps (one live entry per vertex)
  private final long[] bestFree;
  private final long[] bestOuter;
  private long scanBest;
  private int scanBestEdge;
  private final IntStack scratch = new IntStack(64);
  private final IntStack rescan = new IntStack(64);
  private long events;

  private BlossomSolver(WeightedGraph graph, SolverMonitor monitor, int scale) {
    this.monitor = monitor;
    this.scale = scale;
    n = graph.vertexCount();
    int m = graph.edgeCount();
    int[] from = graph.fromArray();
    int[] to = graph.toArray();
    if (scale == 1) {
      w = graph.weightArray();
    } else {
      w = graph.weightArray().clone();
      for (int k = 0; k < m; k++) {
        w[k] *= scale;
      }
    }
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
    Arrays.fill(mate, -1);
    label = new int[2 * n];
    labelEnd = new int[2 * n];
    Arrays.fill(labelEnd, -1);
    inBlossom = new int[n];
    for (int v = 0; v < n; v++) {
      inBlossom[v] = v;
    }
    blossomParent = new int[2 * n];
    Arrays.fill(blossomParent, -1);
    blossomBase = new int[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      blossomBase[i] = i < n ? i : -1;
    }
    blossomChilds = new int[2 * n][];
    blossomEndps = new int[2 * n][];
    unused = new int[n];
    for (int b = 2 * n - 1; b >= n; b--) {
      unused[unusedTop++] = b;
    }
    duals = new long[4 * n];
    treeOf = new int[n];
    Arrays.fill(treeOf, -1);
    members = new int[n][];
    memberCount = new int[n];
    bestFree = new long[n];
    bestOuter = new long[n];
    Arrays.fill(bestFree, Long.MAX_VALUE);
    Arrays.fill(bestOuter, Long.MAX_VALUE);
  }

  /** Solves without a time limit. */
  public static MatchingSolution solve(WeightedGraph graph) {
    return solve(graph, SolverMonitor.NONE);
  }

  /**
   * Solves {@code graph} exactly, unless {@code monitor} stops it early (then the result is the
   * current matching, not proven optimal, with a valid upper bound). Runs on a helper thread with a
   * large stack, since blossoms nest.
   */
  public static MatchingSolution solve(WeightedGraph graph, SolverMonitor monitor) {
    return solve(graph, null, monitor);
  }

  /**
   * Solves {@code graph} from a warm start (or from the greedy start when {@code warm} is null).
   *
   * @throws IllegalArgumentException if the warm start's potentials are not feasible
   */
  public static MatchingSolution solve(
      WeightedGraph graph,
      @org.jspecify.annotations.Nullable WarmStart warm,
      SolverMonitor monitor) {
    MatchingSolution[] result = new MatchingSolution[1];
    Throwable[] failure = new Throwable[1];
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                result[0] = new BlossomSolver(graph, monitor, scaleFor(warm)).run(warm);
              } catch (Throwable t) { // handed to the caller below
                failure[0] = t;
              }
            },
            "blossom-solver",
            1L << 29);
    worker.start();
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
    return result[0];
  }

  /** 2 when the warm start has odd potentials (a fractional start has half-integral duals). */
  private static int scaleFor(@org.jspecify.annotations.Nullable WarmStart warm) {
    if (warm == null) {
      return 1;
    }
    long shift = warm.shift();
    for (long p : warm.potentials()) {
      if (((p + shift) & 1) != 0) {
        return 2;
      }
    }
    return 1;
  }

  // ---------------------------------------------------------------- duals

  private long dual(int x) {
    return duals[2 * x] + duals[2 * x + 1] * now;
  }

  private void setRate(int x, int r) {
    long current = dual(x);
    duals[2 * x + 1] = r;
    duals[2 * x] = current - r * now;
  }

  private long slack(int k) {
    return dual(endpoint[2 * k]) + dual(endpoint[2 * k + 1]) - 2 * w[k];
  }

  // ---------------------------------------------------------------- main loop

  private MatchingSolution run(@org.jspecify.annotations.Nullable WarmStart warm) {
    if (warm == null) {
      warmStart();
    } else {
      warmStart(warm);
    }
    shortAugmentations();
    for (int v = 0; v < n; v++) {
      if (mate[v] == -1 && dual(v) > 0) {
        openTrees++;
        assignLabel(v, OUTER, -1, v);
      }
    }
    initialTrees = openTrees;
    boolean stopped = false;
    long nextCheck = 4096;
    while (openTrees > 0) {
      while (!queue.isEmpty()) {
        int v = queue.pop();
        if (label[inBlossom[v]] != OUTER) {
          continue;
        }
        scanBest = Long.MAX_VALUE;
        scanBestEdge = -1;
        for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
          considerEdge(v, adj[i]);
          if (label[inBlossom[v]] != OUTER) {
            break;
          }
        }
        if (label[inBlossom[v]] == OUTER) {
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

  /** Finds the smallest dual change that creates an event, applies it and handles the event. */
  private void dualStep() {
    int type = 1;
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
    if (topInnerBlossom()) {
      long d = innerBlossoms.topKey() - now;
      if (d < delta) {
        delta = d;
        type = 4;
        item = innerBlossoms.topId();
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
        freeVertex(item);
      }
      case 2 -> {
        outerToFree.pop();
        int a = endpoint[2 * item];
        int p = label[inBlossom[a]] == OUTER ? 2 * item + 1 : 2 * item;
        considerEdge(endpoint[p ^ 1], p);
        afterEdgeEvent(item);
      }
      case 3 -> {
        outerToOuter.pop();
        considerEdge(endpoint[2 * item], 2 * item + 1);
        afterEdgeEvent(item);
      }
      default -> {
        innerBlossoms.pop();
        expandBlossom(item, false);
      }
    }
  }

  private boolean topZeroDual() {
    while (!zeroDual.isEmpty()) {
      int x = zeroDual.topId();
      if (label[inBlossom[x]] != OUTER) {
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

  /** The heap entry of an edge event was used up: its ends need a fresh least-slack entry. */
  private void afterEdgeEvent(int k) {
    for (int side = 0; side < 2; side++) {
      int x = endpoint[2 * k + side];
      int l = label[inBlossom[x]];
      if (l == FREE) {
        refreshFree(x);
      } else if (l == OUTER) {
        refreshOuter(x);
      }
    }
  }

  private boolean topOuterToFree() {
    while (!outerToFree.isEmpty()) {
      int k = outerToFree.topId();
      long key = outerToFree.topKey();
      int a = endpoint[2 * k];
      int b = endpoint[2 * k + 1];
      int ba = inBlossom[a];
      int bb = inBlossom[b];
      int la = label[ba];
      int lb = label[bb];
      if (ba != bb
          && ((la == OUTER && lb == FREE) || (la == FREE && lb == OUTER))
          && slack(k) + now == key) {
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
      int ba = inBlossom[a];
      int bb = inBlossom[b];
      int la = label[ba];
      int lb = label[bb];
      if (ba != bb && la == OUTER && lb == OUTER && slack(k) + 2 * now == key) {
        return true;
      }
      outerToOuter.pop();
      if (la == OUTER && bestOuter[a] == key) {
        refreshOuter(a);
      }
      if (lb == OUTER && bestOuter[b] == key) {
        refreshOuter(b);
      }
    }
    return false;
  }

  /** Records the least-slack edge from an outer vertex to unlabelled vertex {@code x}. */
  private void refreshFree(int x) {
    int bx = inBlossom[x];
    long best = Long.MAX_VALUE;
    int bestEdge = -1;
    for (int i = adjStart[x], end = adjStart[x + 1]; i < end; i++) {
      int p = adj[i];
      int by = inBlossom[endpoint[p]];
      if (by != bx && label[by] == OUTER) {
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

  /** Records the least-slack edge from outer vertex {@code v} to another outer blossom. */
  private void refreshOuter(int v) {
    int bv = inBlossom[v];
    long best = Long.MAX_VALUE;
    int bestEdge = -1;
    for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
      int p = adj[i];
      int by = inBlossom[endpoint[p]];
      if (by != bv && label[by] == OUTER) {
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

  private boolean topInnerBlossom() {
    while (!innerBlossoms.isEmpty()) {
      int b = innerBlossoms.topId();
      if (blossomBase[b] < 0 || blossomParent[b] != -1 || label[b] != INNER) {
        innerBlossoms.pop();
        continue;
      }
      long actual = dual(b) + now;
      if (actual != innerBlossoms.topKey()) {
        innerBlossoms.pop();
        innerBlossoms.push(actual, b);
        continue;
      }
      return true;
    }
    return false;
  }

  /** Looks at edge {@code p >> 1} from outer vertex {@code v} towards {@code endpoint[p]}. */
  private void considerEdge(int v, int p) {
    int wv = endpoint[p];
    int k = p >> 1;
    int bv = inBlossom[v];
    int bw = inBlossom[wv];
    if (bv == bw) {
      return;
    }
    int lw = label[bw];
    long s = slack(k);
    if (lw == INNER) {
      return; // slack stays constant while one side is outer and the other inner
    }
    if (s > 0) {
      if (lw == FREE) {
        long key = s + now;
        if (key < bestFree[wv]) {
          bestFree[wv] = key;
          outerToFree.push(key, k);
        }
      } else if (s + 2 * now < scanBest) {
        scanBest = s + 2 * now;
        scanBestEdge = k;
      }
      return;
    }
    events++;
    if (lw == FREE) {
      if (mate[blossomBase[bw]] == -1) {
        augmentMatching(k);
      } else {
        assignLabel(wv, INNER, p ^ 1, treeOf[v]);
      }
    } else {
      int base = scanBlossom(v, wv);
      if (base >= 0) {
        addBlossom(base, k);
      } else {
        augmentMatching(k);
      }
    }
  }

  // ---------------------------------------------------------------- labels and trees

  private void assignLabel(int wv, int t, int p, int tree) {
    int b = inBlossom[wv];
    label[wv] = t;
    label[b] = t;
    labelEnd[wv] = p;
    labelEnd[b] = p;
    if (t == OUTER) {
      int from = scratch.size();
      leaves(b, scratch);
      for (int i = from; i < scratch.size(); i++) {
        int x = scratch.get(i);
        setRate(x, -1);
        join(tree, x);
        queue.push(x);
        zeroDual.push(dual(x) + now, x);
      }
      scratch.truncate(from);
      if (b >= n) {
        setRate(b, 1);
      }
    } else {
      int from = scratch.size();
      leaves(b, scratch);
      for (int i = from; i < scratch.size(); i++) {
        int x = scratch.get(i);
        setRate(x, 1);
        join(tree, x);
        if (b >= n) {
          label[x] = FREE;
          labelEnd[x] = -1;
        }
      }
      scratch.truncate(from);
      label[wv] = INNER;
      labelEnd[wv] = p;
      if (b >= n) {
        setRate(b, -1);
        innerBlossoms.push(dual(b) + now, b);
      }
      int base = blossomBase[b];
      assignLabel(endpoint[mate[base]], OUTER, mate[base] ^ 1, tree);
    }
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

  /** Unlabels every vertex of a tree that has just been augmented or whose root left. */
  private void destroyTree(int tree) {
    openTrees--;
    int[] list = members[tree];
    int count = memberCount[tree];
    members[tree] = null;
    memberCount[tree] = 0;
    if (list == null) {
      return;
    }
    int blossomsFrom = scratch.size();
    int rescanFrom = rescan.size();
    for (int i = 0; i < count; i++) {
      int x = list[i];
      if (treeOf[x] != tree) {
        continue;
      }
      treeOf[x] = -1;
      setRate(x, 0);
      label[x] = FREE;
      labelEnd[x] = -1;
      int b = inBlossom[x];
      if (b >= n && label[b] != FREE) {
        label[b] = FREE;
        labelEnd[b] = -1;
        setRate(b, 0);
        scratch.push(b);
      }
      rescan.push(x);
    }
    for (int i = blossomsFrom; i < scratch.size(); i++) {
      int b = scratch.get(i);
      if (blossomParent[b] == -1 && blossomBase[b] >= 0 && dual(b) == 0) {
        expandBlossom(b, true);
      }
    }
    scratch.truncate(blossomsFrom);
    rescanFrom(rescanFrom);
  }

  /** Edges from outer vertices to vertices that have just become unlabelled go on the heap. */
  private void rescanFrom(int from) {
    for (int i = from; i < rescan.size(); i++) {
      int x = rescan.get(i);
      if (label[inBlossom[x]] == FREE) {
        refreshFree(x);
      }
    }
    rescan.truncate(from);
  }

  /** The tree path from the root to outer vertex {@code v} flips, so {@code v} becomes free. */
  private void freeVertex(int v) {
    events++;
    int tree = treeOf[v];
    int s = v;
    int p = -1;
    while (true) {
      int bs = inBlossom[s];
      if (bs >= n) {
        augmentBlossom(bs, s);
      }
      mate[s] = p;
      if (labelEnd[bs] == -1) {
        break;
      }
      int t = endpoint[labelEnd[bs]];
      int bt = inBlossom[t];
      s = endpoint[labelEnd[bt]];
      int j = endpoint[labelEnd[bt] ^ 1];
      if (bt >= n) {
        augmentBlossom(bt, j);
      }
      mate[j] = labelEnd[bt];
      p = labelEnd[bt] ^ 1;
    }
    destroyTree(tree);
  }

  // ---------------------------------------------------------------- blossoms (after Van Rantwijk)

  private int scanBlossom(int v, int wv) {
    int pathFrom = scratch.size();
    int base = -1;
    while (v != -1 || wv != -1) {
      int b = inBlossom[v];
      if ((label[b] & MARK) != 0) {
        base = blossomBase[b];
        break;
      }
      scratch.push(b);
      label[b] = OUTER | MARK;
      if (labelEnd[b] == -1) {
        v = -1;
      } else {
        v = endpoint[labelEnd[b]];
        b = inBlossom[v];
        v = endpoint[labelEnd[b]];
      }
      if (wv != -1) {
        int tmp = v;
        v = wv;
        wv = tmp;
      }
    }
    for (int i = pathFrom; i < scratch.size(); i++) {
      label[scratch.get(i)] = OUTER;
    }
    scratch.truncate(pathFrom);
    return base;
  }

  private void addBlossom(int base, int k) {
    int v = endpoint[2 * k];
    int wv = endpoint[2 * k + 1];
    int bb = inBlossom[base];
    int bv = inBlossom[v];
    int bw = inBlossom[wv];
    int b = unused[--unusedTop];
    blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    IntStack path = new IntStack(8);
    IntStack endps = new IntStack(8);
    while (bv != bb) {
      blossomParent[bv] = b;
      path.push(bv);
      endps.push(labelEnd[bv]);
      v = endpoint[labelEnd[bv]];
      bv = inBlossom[v];
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw != bb) {
      blossomParent[bw] = b;
      path.push(bw);
      endps.push(labelEnd[bw] ^ 1);
      wv = endpoint[labelEnd[bw]];
      bw = inBlossom[wv];
    }
    int[] childs = path.toArray();
    blossomChilds[b] = childs;
    blossomEndps[b] = endps.toArray();
    label[b] = OUTER;
    labelEnd[b] = labelEnd[bb];
    duals[2 * b] = -now; // z = 0 now, growing
    duals[2 * b + 1] = 1;
    int tree = treeOf[base];
    for (int c : childs) {
      boolean wasInner = label[c] == INNER;
      int from = scratch.size();
      leaves(c, scratch);
      for (int i = from; i < scratch.size(); i++) {
        int x = scratch.get(i);
        if (wasInner) {
          setRate(x, -1);
          queue.push(x);
          zeroDual.push(dual(x) + now, x);
        }
        inBlossom[x] = b;
        if (treeOf[x] != tree) {
          join(tree, x);
        }
      }
      scratch.truncate(from);
      if (c >= n) {
        setRate(c, 0);
      }
      label[c] = FREE;
      labelEnd[c] = -1;
    }
  }

  private void expandBlossom(int b, boolean endStage) {
    events++;
    int[] childs = blossomChilds[b];
    for (int s : childs) {
      blossomParent[s] = -1;
      if (s >= n) {
        label[s] = FREE; // a vertex keeps its label: it marks where a tight edge reached it
        labelEnd[s] = -1;
      }
      if (s < n) {
        inBlossom[s] = s;
      } else if (endStage && dual(s) == 0) {
        expandBlossom(s, true);
      } else {
        int from = scratch.size();
        leaves(s, scratch);
        for (int i = from; i < scratch.size(); i++) {
          inBlossom[scratch.get(i)] = s;
        }
        scratch.truncate(from);
      }
    }
    if (!endStage && label[b] == INNER) {
      int[] endps = blossomEndps[b];
      int len = childs.length;
      int tree = treeOf[blossomBase[b]];
      int entryChild = inBlossom[endpoint[labelEnd[b] ^ 1]];
      int j = indexOf(childs, entryChild);
      int jstep;
      int endptrick;
      if ((j & 1) != 0) {
        j -= len;
        jstep = 1;
        endptrick = 0;
      } else {
        jstep = -1;
        endptrick = 1;
      }
      int p = labelEnd[b];
      while (j != 0) {
        label[endpoint[p ^ 1]] = FREE;
        label[endpoint[endps[at(j - endptrick, len)] ^ endptrick ^ 1]] = FREE;
        assignLabel(endpoint[p ^ 1], INNER, p, tree);
        j += jstep;
        p = endps[at(j - endptrick, len)] ^ endptrick;
        j += jstep;
      }
      int bv = childs[at(j, len)];
      label[endpoint[p ^ 1]] = INNER;
      label[bv] = INNER;
      labelEnd[endpoint[p ^ 1]] = p;
      labelEnd[bv] = p;
      if (bv >= n) {
        setRate(bv, -1);
        innerBlossoms.push(dual(bv) + now, bv);
      }
      j += jstep;
      int rescanFrom = rescan.size();
      while (childs[at(j, len)] != entryChild) {
        bv = childs[at(j, len)];
        if (label[bv] == OUTER) {
          j += jstep;
          continue;
        }
        // Not on the path: unlabelled. Van Rantwijk relabels children that a tight edge from an
        // outer vertex reached; here such edges are found again by the rescan (as zero-slack
        // events), which also puts the child in the right tree and never trusts a stale mark.
        int from = scratch.size();
        leaves(bv, scratch);
        for (int i = from; i < scratch.size(); i++) {
          int x = scratch.get(i);
          setRate(x, 0);
          treeOf[x] = -1;
          label[x] = FREE;
          labelEnd[x] = -1;
          rescan.push(x);
        }
        scratch.truncate(from);
        if (bv >= n) {
          setRate(bv, 0);
        }
        j += jstep;
      }
      rescanFrom(rescanFrom);
    }
    label[b] = FREE;
    labelEnd[b] = -1;
    blossomChilds[b] = null;
    blossomEndps[b] = null;
    blossomBase[b] = -1;
    blossomParent[b] = -1;
    duals[2 * b] = 0;
    duals[2 * b + 1] = 0;
    unused[unusedTop++] = b;
  }

  private void augmentBlossom(int b, int v) {
    int t = v;
    while (blossomParent[t] != b) {
      t = blossomParent[t];
    }
    if (t >= n) {
      augmentBlossom(t, v);
    }
    int[] childs = blossomChilds[b];
    int[] endps = blossomEndps[b];
    int len = childs.length;
    int i = indexOf(childs, t);
    int j = i;
    int jstep;
    int endptrick;
    if ((i & 1) != 0) {
      j -= len;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    while (j != 0) {
      j += jstep;
      t = childs[at(j, len)];
      int p = endps[at(j - endptrick, len)] ^ endptrick;
      if (t >= n) {
        augmentBlossom(t, endpoint[p]);
      }
      j += jstep;
      t = childs[at(j, len)];
      if (t >= n) {
        augmentBlossom(t, endpoint[p ^ 1]);
      }
      mate[endpoint[p]] = p ^ 1;
      mate[endpoint[p ^ 1]] = p;
    }
    int[] rotatedChilds = new int[len];
    int[] rotatedEndps = new int[len];
    for (int a = 0; a < len; a++) {
      rotatedChilds[a] = childs[(a + i) % len];
      rotatedEndps[a] = endps[(a + i) % len];
    }
    blossomChilds[b] = rotatedChilds;
    blossomEndps[b] = rotatedEndps;
    blossomBase[b] = blossomBase[rotatedChilds[0]];
  }

  private void augmentMatching(int k) {
    events++;
    int treeA = treeOf[endpoint[2 * k]];
    int treeB = treeOf[endpoint[2 * k + 1]];
    for (int side = 0; side < 2; side++) {
      int s = endpoint[2 * k + side];
      int p = 2 * k + 1 - side;
      while (true) {
        int bs = inBlossom[s];
        if (bs >= n) {
          augmentBlossom(bs, s);
        }
        mate[s] = p;
        if (labelEnd[bs] == -1) {
          break;
        }
        int t = endpoint[labelEnd[bs]];
        int bt = inBlossom[t];
        s = endpoint[labelEnd[bt]];
        int j = endpoint[labelEnd[bt] ^ 1];
        if (bt >= n) {
          augmentBlossom(bt, j);
        }
        mate[j] = labelEnd[bt];
        p = labelEnd[bt] ^ 1;
      }
    }
    if (treeA >= 0) {
      destroyTree(treeA);
    }
    if (treeB >= 0) {
      destroyTree(treeB);
    }
  }

  private void leaves(int b, IntStack out) {
    if (b < n) {
      out.push(b);
      return;
    }
    for (int c : blossomChilds[b]) {
      leaves(c, out);
    }
  }

  private static int indexOf(int[] array, int value) {
    for (int i = 0; i < array.length; i++) {
      if (array[i] == value) {
        return i;
      }
    }
    throw new IllegalStateException("child not in blossom");
  }

  private static int at(int j, int len) {
    return j >= 0 ? j : j + len;
  }

  // ---------------------------------------------------------------- warm start

  /**
   * Duals start at each vertex's heaviest edge (feasible, and even so that all later changes stay
   * integral); then each vertex in turn lowers its dual until an edge gets tight, and a tight edge
   * to a free neighbour is matched at once.
   */
  private void warmStart() {
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
        mate[v] = bestP;
        mate[endpoint[bestP]] = bestP ^ 1;
      }
    }
  }

  private void warmStart(WarmStart warm) {
    long[] potentials = warm.potentials();
    int[] partner = warm.mate();
    if (potentials.length != n) {
      throw new IllegalArgumentException(
          "warm start has " + potentials.length + " vertices, not " + n);
    }
    for (int v = 0; v < n; v++) {
      long d = scale * (potentials[v] + warm.shift());
      if (d < 0) {
        throw new IllegalArgumentException("negative potential at " + v);
      }
      duals[2 * v] = d + (d & 1);
    }
    // edges the potentials do not cover (e.g. edges the earlier, smaller graph lacked): raise one
    // end, preferring a free one; a raised matched vertex loses its partner below (not tight)
    for (int k = 0; k < w.length; k++) {
      long s = slack(k);
      if (s < 0) {
        int a = endpoint[2 * k];
        int b = endpoint[2 * k + 1];
        int raise = partner[a] < 0 || partner[b] >= 0 && duals[2 * a] <= duals[2 * b] ? a : b;
        if (partner[b] < 0 && partner[a] >= 0) {
          raise = b;
        }
        duals[2 * raise] -= s;
        duals[2 * raise] += duals[2 * raise] & 1;
      }
    }
    for (int v = 0; v < n; v++) {
      int u = partner[v];
      if (u <= v || mate[v] != -1 || mate[u] != -1 || partner[u] != v) {
        continue;
      }
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        int p = adj[i];
        if (endpoint[p] == u && slack(p >> 1) == 0) {
          mate[v] = p;
          mate[u] = p ^ 1;
          break;
        }
      }
    }
    // free vertices: lower the dual until an edge is tight, and match tight free pairs
    for (int v = 0; v < n; v++) {
      if (mate[v] != -1) {
        continue;
      }
      long minSlack = Long.MAX_VALUE;
      for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
        minSlack = Math.min(minSlack, slack(adj[i] >> 1));
      }
      long lower = minSlack == Long.MAX_VALUE ? duals[2 * v] : Math.min(duals[2 * v], minSlack);
      duals[2 * v] -= lower - (lower & 1);
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
        mate[v] = bestP;
        mate[endpoint[bestP]] = bestP ^ 1;
      }
    }
  }

  /**
   * Before any tree grows: augmenting paths of length three over tight edges (free v, tight to j, j
   * matched to x, x tight to free z) are flipped directly. Duals do not change, so this is the same
   * as what the trees would find at once, for a fraction of the bookkeeping.
   */
  private void shortAugmentations() {
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
        int x = endpoint[mate[j]];
        for (int a = adjStart[x], aEnd = adjStart[x + 1]; a < aEnd; a++) {
          int q = adj[a];
          int z = endpoint[q];
          if (z != v && mate[z] == -1 && slack(q >> 1) == 0) {
            mate[v] = p;
            mate[j] = p ^ 1;
            mate[x] = q;
            mate[z] = q ^ 1;
            break search;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- result

  private MatchingSolution result(boolean finished) {
    for (int x = 0; x < 2 * n; x++) {
      if (x < n || blossomBase[x] >= 0) {
        setRate(x, 0);
      }
    }
    int[] partner = new int[n];
    long weight = 0;
    for (int v = 0; v < n; v++) {
      partner[v] = mate[v] < 0 ? -1 : endpoint[mate[v]];
      if (mate[v] >= 0 && v < partner[v]) {
        weight += w[mate[v] >> 1];
      }
    }
    long twiceDual = 0;
    for (int v = 0; v < n; v++) {
      twiceDual += duals[2 * v];
    }
    IntStack buffer = new IntStack(16);
    for (int b = n; b < 2 * n; b++) {
      if (blossomBase[b] >= 0 && duals[2 * b] > 0) {
        buffer.truncate(0);
        leaves(b, buffer);
        twiceDual += duals[2 * b] * (buffer.size() - 1);
      }
    }
    long[] potentials = new long[n];
    for (int v = 0; v < n; v++) {
      long p = duals[2 * v];
      for (int b = blossomParent[v]; b >= 0; b = blossomParent[b]) {
        p += duals[2 * b];
      }
      potentials[v] = (p + scale - 1) / scale; // rounded up: still feasible for the input weights
    }
    if (finished && twiceDual != 2 * weight) {
      throw new IllegalStateException(
          "blossom solver finished without optimality: weight "
              + weight / scale
              + ", dual "
              + twiceDual / (2.0 * scale));
    }
    weight /= scale;
    long bound = Math.floorDiv(twiceDual, 2L * scale);
    return new MatchingSolution(
        partner, weight, bound, bound == weight, "blossom (exact primal-dual)", events, potentials);
  }

  // ---------------------------------------------------------------- small collections

  static final class IntStack {
    private int[] items;
    private int size;

    IntStack(int capacity) {
      items = new int[capacity];
    }

    void push(int value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    int pop() {
      return items[--size];
    }

    int get(int i) {
      return items[i];
    }

    int size() {
      return size;
    }

    boolean isEmpty() {
      return size == 0;
    }

    void truncate(int newSize) {
      size = newSize;
    }

    void reverse() {
      for (int i = 0, j = size - 1; i < j; i++, j--) {
        int t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }

  /** A binary min-heap of (key, id) pairs; stale entries are dropped by the caller. */
  static final class Heap {
    private long[] keys = new long[64];
    private int[] ids = new int[64];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    long topKey() {
      return keys[0];
    }

    int topId() {
      return ids[0];
    }

    void push(long key, int id) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        ids = Arrays.copyOf(ids, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (keys[parent] <= key) {
          break;
        }
        keys[i] = keys[parent];
        ids[i] = ids[parent];
        i = parent;
      }
      keys[i] = key;
      ids[i] = id;
    }

    void pop() {
      size--;
      if (size == 0) {
        return;
      }
      long key = keys[size];
      int id = ids[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && keys[child + 1] < keys[child]) {
          child++;
        }
        if (keys[child] >= key) {
          break;
        }
        keys[i] = keys[child];
        ids[i] = ids[child];
        i = child;
      }
      keys[i] = key;
      ids[i] = id;
    }
  }
}
