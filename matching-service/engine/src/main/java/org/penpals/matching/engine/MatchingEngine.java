package org.penpals.matching.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.penpals.matching.engine.solver.AuctionMatching;
import org.penpals.matching.engine.solver.BlossomSolver;
import org.penpals.matching.engine.solver.CardinalityAugmentation;
import org.penpals.matching.engine.solver.FractionalMatching;
import org.penpals.matching.engine.solver.MatchingSolution;
import org.penpals.matching.engine.solver.SolverMonitor;
import org.penpals.matching.engine.solver.WarmStart;
import org.penpals.matching.engine.solver.WeightedGraph;

/**
 * Matches a request: builds the candidate graph, finds a maximum-cardinality, then maximum-score
 * matching on it with the exact {@link BlossomSolver} (whose dual solution proves the result), then
 * places leftovers in trios or on the waitlist per the request's {@link LeftoverPolicy}.
 *
 * <p>Stateless and thread-safe. A run works on the caller's thread, the solver's helper thread (it
 * needs a large stack) and, from 20,000 people on, the common fork-join pool for part of the
 * candidate graph. Same request, same result: everything is ordered by candidate id, parallel work
 * does not depend on order, and the only randomness is seeded by {@link MatchingOptions#seed()}.
 * Run large cohorts off the request thread (the service's job), with a progress listener and a
 * cancellation.
 */
public final class MatchingEngine {
  /**
   * From this many people in the candidate graph on, the exact solver is replaced by bound and
   * round (see {@link #boundAndRound}): at 100,000 the exact solver does not finish in minutes.
   */
  static final int BOUND_AND_ROUND_FROM = 50_000;

  /**
   * From this many people in a sparse candidate graph on, the score-only phase starts from the
   * fractional matching LP's half-integral solution ({@link FractionalMatching}).
   */
  static final int JUMP_START_FROM = 5_000;

  /** How long bound and round's augmentation to maximum cardinality may run past the budget. */
  static final Duration AUGMENTATION_FLOOR = Duration.ofSeconds(30);

  /** Runs without progress reports or cancellation. */
  public MatchingResult match(MatchingRequest request) {
    return match(request, ProgressListener.NONE, Cancellation.NEVER);
  }

  /**
   * Runs the matching.
   *
   * @throws MatchingCancelledException if {@code cancellation} asked to stop
   */
  public MatchingResult match(
      MatchingRequest request, ProgressListener progress, Cancellation cancellation) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancellation, "cancellation");
    Map<String, Duration> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    progress.onProgress(MatchingPhase.VALIDATING, 0, request.candidates().size() + " candidates");
    Cohort cohort = new Cohort(request);
    long mark = lap(timings, "prepare", start);

    CandidateGraph graph =
        new CandidateGraphBuilder(cohort, request.options(), cancellation, progress).build();
    progress.onProgress(MatchingPhase.CANDIDATE_GRAPH, 1, graph.edgeCount() + " candidate pairs");
    mark = lap(timings, "candidate graph", mark);

    // the budget bounds the whole run, but the solver gets at least a quarter of it: when the
    // candidate graph alone overran it (a loaded machine), a bound within a quarter of the budget
    // beats an unsolved run that is late anyway
    long budget = request.options().timeBudget().toNanos();
    long deadline = Math.max(start + budget, System.nanoTime() + budget / 4);
    Solved solution = solve(graph, deadline, progress, cancellation);
    if (!graph.dense() && graph.vertexCount() < BOUND_AND_ROUND_FROM) {
      // what the pruning cut off: short augmenting paths through valid pairs outside the graph
      // (a warm re-solve needs the exact solver's potentials: not for bound and round)
      AugmentingRepair repair = new AugmentingRepair(cohort);
      for (int round = 0; round < 3 && solution.optimal(); round++) {
        CandidateGraph extended = repair.extend(graph, solution.mate(), cancellation);
        if (extended == graph) {
          break;
        }
        Solved again = resolve(extended, solution, deadline, progress, cancellation);
        if (!again.optimal()) {
          break;
        }
        graph = extended;
        solution = again;
      }
    }
    mark = lap(timings, "solve", mark);

    Assembly assembly = new Assembly(cohort, graph, solution, request, progress, cancellation);
    MatchingResult result = assembly.result(timings, mark);
    progress.onProgress(MatchingPhase.DONE, 1, "done");
    return result;
  }

  /**
   * The candidate graph the engine would solve for {@code request}, for benchmarks and diagnostics.
   */
  public CandidateGraph candidateGraph(MatchingRequest request) {
    return new CandidateGraphBuilder(
            new Cohort(request), request.options(), Cancellation.NEVER, ProgressListener.NONE)
        .build();
  }

  /**
   * Solves a candidate graph: first the best total score with no regard to the number of pairs
   * (fast, and its optimum bounds the score of every matching), then, warm-started from it, the
   * lexicographic problem with weights {@code C + score}. Stops at {@code deadline} (a {@link
   * System#nanoTime()} value) with the best matching found, completed greedily, and bounds that
   * still hold.
   */
  static Solved solve(
      CandidateGraph graph, long deadline, ProgressListener progress, Cancellation cancellation) {
    progress.onProgress(MatchingPhase.SOLVING, 0, graph.vertexCount() + " people");
    if (graph.vertexCount() >= BOUND_AND_ROUND_FROM) {
      return boundAndRound(graph, deadline, progress, cancellation);
    }
    WeightedGraph scores = graph.scoreWeighted();
    WarmStart jumpStart = null;
    if (!graph.dense() && graph.vertexCount() >= JUMP_START_FROM) {
      // the fractional LP first: only its odd cycles are left for the blossom algorithm
      jumpStart =
          FractionalMatching.solve(scores, monitor(deadline, progress, cancellation, 0))
              .warmStart();
    }
    MatchingSolution byScore =
        BlossomSolver.solve(scores, jumpStart, monitor(deadline, progress, cancellation, 0));
    long offset = graph.cardinalityOffset();
    // the score solution's potentials, shifted by C, are feasible for C + score, and its matched
    // edges stay tight: a warm start even if the budget stopped the first phase
    MatchingSolution lexicographic =
        BlossomSolver.solve(
            graph.weighted(),
            new WarmStart(byScore.mate(), byScore.potentials(), offset),
            monitor(deadline, progress, cancellation, 0.5));
    boolean optimal = lexicographic.optimal();
    int[] mate = lexicographic.mate();
    if (!optimal) {
      // stopped early: the best of both phases' matchings completed greedily, and plain greedy
      int[] none = new int[graph.vertexCount()];
      java.util.Arrays.fill(none, -1);
      mate = completeGreedily(graph, mate);
      for (int[] other :
          List.of(completeGreedily(graph, byScore.mate()), completeGreedily(graph, none))) {
        if (better(graph, other, mate)) {
          mate = other;
        }
      }
    }
    int pairs = 0;
    long score = 0;
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (mate[graph.from(e)] == graph.to(e) && mate[graph.to(e)] == graph.from(e)) {
        pairs++;
        score += graph.score(e);
      }
    }
    long pairBound = Math.min(graph.vertexCount() / 2, lexicographic.upperBound() / offset);
    long scoreBound = Math.min(lexicographic.upperBound() - offset * pairs, byScore.upperBound());
    return new Solved(
        mate,
        pairs,
        score,
        Math.max(score, scoreBound),
        Math.max(pairs, pairBound),
        optimal,
        optimal
            ? "exact blossom (best score, then pairs first from its warm start; optimum proven)"
            : "exact blossom stopped at the time budget, completed greedily (bounds proven)",
        lexicographic.potentials());
  }

  /**
   * For large graphs: the fractional matching LP solved by an ε-scaling auction gives a proven
   * upper bound on every matching's score (within a quarter point per person of the LP optimum) and
   * a half-integral solution; that is rounded (paths and cycles matched optimally), completed
   * greedily, then augmented to maximum cardinality by Edmonds' unweighted search, which proves the
   * number of pairs maximum. The score gap is what the bound leaves; it is not closed.
   */
  static Solved boundAndRound(
      CandidateGraph graph, long deadline, ProgressListener progress, Cancellation cancellation) {
    WeightedGraph scores = graph.scoreWeighted();
    MatchingSolution fractional = AuctionMatching.solve(scores, deadline);
    if (cancellation.isCancelled()) {
      throw new MatchingCancelledException(MatchingPhase.SOLVING);
    }
    progress.onProgress(
        MatchingPhase.SOLVING, 0.5, "fractional bound " + fractional.upperBound() + ", rounding");
    int[] mate = completeGreedily(graph, fractional.mate());
    // the augmentation proves the primary objective and is cheap (3 s at 100,000 under load 28):
    // it gets at least AUGMENTATION_FLOOR even when the budget is spent
    CardinalityAugmentation.Result augmented =
        CardinalityAugmentation.augment(
            scores, mate, Math.max(deadline, System.nanoTime() + AUGMENTATION_FLOOR.toNanos()));
    if (cancellation.isCancelled()) {
      throw new MatchingCancelledException(MatchingPhase.SOLVING);
    }
    mate = augmented.mate();
    long[] found = pairsAndScore(graph, mate);
    int pairs = (int) found[0];
    long score = found[1];
    long pairBound = augmented.maximum() ? pairs : graph.vertexCount() / 2;
    long scoreBound = Math.max(score, fractional.upperBound());
    boolean optimal = augmented.maximum() && score == scoreBound;
    return new Solved(
        mate,
        pairs,
        score,
        scoreBound,
        pairBound,
        optimal,
        (augmented.maximum()
                ? "bound and round: " + fractional.algorithm() + ", maximum cardinality proven"
                : "bound and round: "
                    + fractional.algorithm()
                    + ", stopped before maximum cardinality")
            + (optimal ? " (optimum proven)" : ""),
        new long[0]);
  }

  /** Re-solves a graph with added edges from the previous solution's potentials. */
  private static Solved resolve(
      CandidateGraph graph,
      Solved previous,
      long deadline,
      ProgressListener progress,
      Cancellation cancellation) {
    long offset = graph.cardinalityOffset();
    MatchingSolution solution =
        BlossomSolver.solve(
            graph.weighted(),
            new WarmStart(previous.mate(), previous.potentials(), 0),
            monitor(deadline, progress, cancellation, 0.9));
    int pairs = solution.size();
    long score = solution.weight() - offset * pairs;
    return new Solved(
        solution.mate(),
        pairs,
        score,
        solution.upperBound() - offset * pairs,
        Math.min(graph.vertexCount() / 2, solution.upperBound() / offset),
        solution.optimal(),
        previous.algorithm() + ", re-solved with edges for augmenting paths the pruning cut",
        solution.potentials());
  }

  /** Adds edges between unmatched vertices, best score first. */
  private static int[] completeGreedily(CandidateGraph graph, int[] mate) {
    int[] result = mate.clone();
    long[] order = new long[graph.edgeCount()];
    for (int e = 0; e < order.length; e++) {
      order[e] = ((long) (graph.maxScore() - graph.score(e)) << 32) | e;
    }
    java.util.Arrays.sort(order);
    for (long key : order) {
      int e = (int) key;
      int a = graph.from(e);
      int b = graph.to(e);
      if (result[a] < 0 && result[b] < 0) {
        result[a] = b;
        result[b] = a;
      }
    }
    return result;
  }

  /** Whether {@code a} has more pairs than {@code b}, or as many and a higher score. */
  private static boolean better(CandidateGraph graph, int[] a, int[] b) {
    long[] sa = pairsAndScore(graph, a);
    long[] sb = pairsAndScore(graph, b);
    return sa[0] > sb[0] || (sa[0] == sb[0] && sa[1] > sb[1]);
  }

  private static long[] pairsAndScore(CandidateGraph graph, int[] mate) {
    long pairs = 0;
    long score = 0;
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (mate[graph.from(e)] == graph.to(e) && mate[graph.to(e)] == graph.from(e)) {
        pairs++;
        score += graph.score(e);
      }
    }
    return new long[] {pairs, score};
  }

  private static SolverMonitor monitor(
      long deadline, ProgressListener progress, Cancellation cancellation, double from) {
    return (open, initial) -> {
      if (cancellation.isCancelled()) {
        throw new MatchingCancelledException(MatchingPhase.SOLVING);
      }
      progress.onProgress(
          MatchingPhase.SOLVING,
          from + 0.5 * (initial == 0 ? 1 : 1 - (double) open / initial),
          open + " alternating trees open");
      return System.nanoTime() > deadline;
    };
  }

  /**
   * What the solver found on a candidate graph.
   *
   * @param mate graph vertex to graph vertex, or -1
   * @param pairs matched pairs
   * @param score total score of the pairs
   * @param scoreBound no matching with {@code pairs} pairs scores more
   * @param pairBound no matching has more pairs
   * @param optimal whether both are attained (proven optimum)
   * @param potentials the final potentials of the {@code C + score} solve (a warm start)
   */
  record Solved(
      int[] mate,
      int pairs,
      long score,
      long scoreBound,
      long pairBound,
      boolean optimal,
      String algorithm,
      long[] potentials) {
    public Solved {
      mate = mate.clone();
      potentials = potentials.clone();
    }

    @Override
    public long[] potentials() {
      return potentials.clone();
    }

    @Override
    public int[] mate() {
      return mate.clone();
    }
  }

  private static long lap(Map<String, Duration> timings, String phase, long since) {
    long now = System.nanoTime();
    timings.put(phase, Duration.ofNanos(now - since));
    return now;
  }

  /** Turns a solution into groups, trios, the waitlist and the report. */
  private static final class Assembly {
    private final Cohort cohort;
    private final CandidateGraph graph;
    private final Solved solution;
    private final MatchingRequest request;
    private final ProgressListener progress;
    private final Cancellation cancellation;
    private final int[] vertexOf;
    private final int[] adjStart;
    private final int[] adj;

    Assembly(
        Cohort cohort,
        CandidateGraph graph,
        Solved solution,
        MatchingRequest request,
        ProgressListener progress,
        Cancellation cancellation) {
      this.cohort = cohort;
      this.graph = graph;
      this.solution = solution;
      this.request = request;
      this.progress = progress;
      this.cancellation = cancellation;
      vertexOf = new int[cohort.size];
      java.util.Arrays.fill(vertexOf, -1);
      int m = graph.vertexCount();
      for (int v = 0; v < m; v++) {
        vertexOf[graph.cohortIndex(v)] = v;
      }
      adjStart = new int[m + 1];
      for (int e = 0; e < graph.edgeCount(); e++) {
        adjStart[graph.from(e) + 1]++;
        adjStart[graph.to(e) + 1]++;
      }
      for (int v = 0; v < m; v++) {
        adjStart[v + 1] += adjStart[v];
      }
      adj = new int[2 * graph.edgeCount()];
      int[] fill = java.util.Arrays.copyOf(adjStart, m);
      for (int e = 0; e < graph.edgeCount(); e++) {
        adj[fill[graph.from(e)]++] = graph.to(e);
        adj[fill[graph.to(e)]++] = graph.from(e);
      }
    }

    MatchingResult result(Map<String, Duration> timings, long mark) {
      int n = cohort.size;
      int[] partner = new int[n];
      java.util.Arrays.fill(partner, -1);
      boolean[] locked = new boolean[n];
      long lockedScore = 0;
      int lockedPairs = 0;
      for (int i = 0; i < n; i++) {
        if (cohort.lockedWith[i] >= 0) {
          partner[i] = cohort.lockedWith[i];
          locked[i] = true;
          if (i < partner[i]) {
            lockedScore += cohort.score(i, partner[i]);
            lockedPairs++;
          }
        }
      }
      int[] mates = solution.mate();
      for (int v = 0; v < graph.vertexCount(); v++) {
        if (mates[v] >= 0) {
          partner[graph.cohortIndex(v)] = graph.cohortIndex(mates[v]);
        }
      }
      int pairs = solution.pairs();
      long score = solution.score();
      long scoreBound = solution.scoreBound();
      long pairBound = solution.pairBound();

      progress.onProgress(MatchingPhase.LEFTOVERS, 0, "placing leftovers");
      List<Integer> leftovers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (partner[i] < 0) {
          leftovers.add(i);
        }
      }
      int[] third = new int[n];
      java.util.Arrays.fill(third, -1);
      List<Waitlisted> waitlist = new ArrayList<>();
      boolean[] hasValidPartner = new boolean[n];
      for (int x : leftovers) {
        hasValidPartner[x] = hasValidPartner(x);
      }
      if (request.leftoverPolicy() == LeftoverPolicy.TRIOS) {
        placeInTrios(leftovers, partner, locked, third, hasValidPartner);
      }
      int inTrios = 0;
      for (int x : leftovers) {
        if (third[x] >= 0) {
          inTrios++;
          continue;
        }
        if (!hasValidPartner[x]) {
          waitlist.add(
              new Waitlisted(
                  cohort.people[x].id(),
                  WaitlistReason.NO_VALID_PARTNER,
                  "nobody else in this run works in another country, shares a correspondence"
                      + " language and passes the other rules"));
        } else {
          waitlist.add(
              new Waitlisted(
                  cohort.people[x].id(),
                  WaitlistReason.NO_PARTNER_LEFT,
                  request.leftoverPolicy() == LeftoverPolicy.TRIOS
                      ? "every valid partner is in a pair already, and no pair can take a third"
                          + " member under the hard rules"
                      : "every valid partner is in a pair already (the largest possible number of"
                          + " pairs is formed)"));
        }
      }
      int[] thirdOfPair = new int[n];
      java.util.Arrays.fill(thirdOfPair, -1);
      for (int x : leftovers) {
        if (third[x] >= 0) {
          thirdOfPair[third[x]] = x;
        }
      }
      List<Group> groups = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int j = partner[i];
        if (j > i) {
          groups.add(group(i, j, thirdOfPair[i], locked[i]));
        }
      }
      groups.sort(Comparator.comparing(g -> g.members().get(0)));
      mark = lap(timings, "leftovers", mark);

      QualityReport quality =
          new QualityReport(
              n,
              2 * (pairs + lockedPairs),
              2 * (int) (pairBound + lockedPairs),
              score + lockedScore,
              scoreBound + lockedScore,
              scoreBound - score,
              graph.edgeCount(),
              graph.dense(),
              solution.algorithm(),
              solution.optimal(),
              inTrios,
              waitlist.size(),
              timings);
      return new MatchingResult(groups, waitlist, quality);
    }

    private boolean hasValidPartner(int x) {
      int v = vertexOf[x];
      if (v >= 0 && adjStart[v + 1] > adjStart[v]) {
        return true;
      }
      for (int y = 0; y < cohort.size; y++) {
        if (cohort.valid(x, y)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Each leftover may join one pair whose members are both allowed partners of it (looked for
     * among its candidate-graph neighbours); the options (leftover, pair, added score) are taken
     * best first, each pair taking at most one. Locked pairs stay as they are.
     */
    private void placeInTrios(
        List<Integer> leftovers, int[] partner, boolean[] locked, int[] third, boolean[] valid) {
      List<long[]> options = new ArrayList<>();
      int count = 0;
      for (int x : leftovers) {
        if (++count % 1024 == 0 && cancellation.isCancelled()) {
          throw new MatchingCancelledException(MatchingPhase.LEFTOVERS);
        }
        int v = vertexOf[x];
        if (!valid[x] || v < 0) {
          continue;
        }
        for (int e = adjStart[v]; e < adjStart[v + 1]; e++) {
          int a = graph.cohortIndex(adj[e]);
          int b = partner[a];
          if (b < 0 || locked[a] || !cohort.allowed(x, a) || !cohort.allowed(x, b)) {
            continue;
          }
          long added = cohort.score(x, a) + cohort.score(x, b);
          options.add(new long[] {added, x, Math.min(a, b)});
        }
      }
      options.sort(
          (o1, o2) ->
              o1[0] != o2[0]
                  ? Long.compare(o2[0], o1[0])
                  : o1[1] != o2[1] ? Long.compare(o1[1], o2[1]) : Long.compare(o1[2], o2[2]));
      boolean[] pairTaken = new boolean[cohort.size];
      for (long[] option : options) {
        int x = (int) option[1];
        int lower = (int) option[2];
        if (third[x] >= 0 || pairTaken[lower]) {
          continue;
        }
        third[x] = lower;
        pairTaken[lower] = true;
      }
    }

    private Group group(int a, int b, int t, boolean isLocked) {
      List<Integer> members = new ArrayList<>(List.of(a, b));
      if (t >= 0) {
        members.add(t);
      }
      members.sort(Comparator.comparing(i -> cohort.people[i].id()));
      List<ExplanationLine> lines = new ArrayList<>();
      int score = 0;
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          PairScore pair =
              cohort.scorer.explain(cohort.people[members.get(i)], cohort.people[members.get(j)]);
          lines.addAll(pair.lines());
          score += pair.score();
        }
      }
      return new Group(
          members.stream().map(i -> cohort.people[i].id()).toList(), score, lines, isLocked);
    }
  }
}
