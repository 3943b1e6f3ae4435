package org.penpals.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * After an exact solve of a pruned candidate graph: looks in the <em>full</em> valid graph for
 * short augmenting paths the pruning removed — an unmatched person {@code y} valid with an
 * unmatched {@code q}, or {@code y} valid with a matched {@code x} whose partner {@code p} is valid
 * with an unmatched {@code q} — and returns the candidate graph with those edges added (or the same
 * graph if there are none), so that a warm-started re-solve can pair more people.
 */
final class AugmentingRepair {
  /** Work limit: unmatched people times people. */
  private static final long MAX_WORK = 400_000_000L;

  private final Cohort cohort;

  AugmentingRepair(Cohort cohort) {
    this.cohort = cohort;
  }

  CandidateGraph extend(CandidateGraph graph, int[] mate, Cancellation cancellation) {
    int m = graph.vertexCount();
    int[] person = new int[m];
    for (int v = 0; v < m; v++) {
      person[v] = graph.cohortIndex(v);
    }
    List<Integer> free = new ArrayList<>();
    for (int v = 0; v < m; v++) {
      if (mate[v] < 0) {
        free.add(v);
      }
    }
    if (free.size() < 1 || (long) free.size() * m > MAX_WORK) {
      return graph;
    }
    long[] existing = new long[graph.edgeCount()];
    for (int e = 0; e < existing.length; e++) {
      existing[e] = key(graph.from(e), graph.to(e));
    }
    Arrays.sort(existing);
    boolean[] used = new boolean[m];
    List<Long> added = new ArrayList<>();
    int checked = 0;
    for (int y : free) {
      if (used[y]) {
        continue;
      }
      if (++checked % 64 == 0 && cancellation.isCancelled()) {
        throw new MatchingCancelledException(MatchingPhase.SOLVING);
      }
      int q = freePartner(y, -1, free, used, person);
      if (q >= 0) {
        used[y] = true;
        used[q] = true;
        add(added, existing, y, q);
        continue;
      }
      for (int x = 0; x < m; x++) {
        int p = mate[x];
        if (p < 0 || used[x] || used[p] || !cohort.valid(person[y], person[x])) {
          continue;
        }
        q = freePartner(p, y, free, used, person);
        if (q >= 0) {
          used[y] = true;
          used[x] = true;
          used[p] = true;
          used[q] = true;
          add(added, existing, y, x);
          add(added, existing, p, q);
          break;
        }
      }
    }
    if (added.isEmpty()) {
      return graph;
    }
    int total = graph.edgeCount() + added.size();
    long[] keys = Arrays.copyOf(existing, total);
    for (int i = 0; i < added.size(); i++) {
      keys[existing.length + i] = added.get(i);
    }
    Arrays.sort(keys);
    int[] from = new int[total];
    int[] to = new int[total];
    int[] score = new int[total];
    for (int e = 0; e < total; e++) {
      from[e] = (int) (keys[e] >>> 32);
      to[e] = (int) keys[e];
      score[e] = cohort.score(person[from[e]], person[to[e]]);
    }
    return new CandidateGraph(
        graph.candidateIds(), person, from, to, score, false, graph.maxScore());
  }

  private int freePartner(int v, int except, List<Integer> free, boolean[] used, int[] person) {
    for (int q : free) {
      if (q != v && q != except && !used[q] && cohort.valid(person[v], person[q])) {
        return q;
      }
    }
    return -1;
  }

  private static void add(List<Long> added, long[] existing, int a, int b) {
    long key = key(a, b);
    if (Arrays.binarySearch(existing, key) < 0 && !added.contains(key)) {
      added.add(key);
    }
  }

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }
}
