package org.penpals.matching.engine.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;

class BlossomSolverTest {

  @Test
  void shouldFindTheHeaviestMatchingOfATriangleWithATail() {
    // given 0-1 (6), 1-2 (10), 0-2 (5), 2-3 (6)
    WeightedGraph graph =
        new WeightedGraph(
            4, new int[] {0, 1, 0, 2}, new int[] {1, 2, 2, 3}, new long[] {6, 10, 5, 6});

    // when
    MatchingSolution solution = BlossomSolver.solve(graph);

    // then 0-1 + 2-3 = 12 beats 1-2 = 10
    assertThat(solution.weight()).isEqualTo(12);
    assertThat(solution.optimal()).isTrue();
    assertThat(solution.mateOf(0)).isEqualTo(1);
    assertThat(solution.mateOf(2)).isEqualTo(3);
  }

  @Test
  void shouldMatchBruteForceOnManySmallRandomGraphs() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 1500; trial++) {
      int n = 1 + random.nextInt(11);
      WeightedGraph graph = randomGraph(random, n, random.nextDouble(), 1 + random.nextInt(30));
      MatchingSolution solution = BlossomSolver.solve(graph);
      assertValid(graph, solution);
      assertThat(solution.weight()).as("trial %d %s", trial, graph).isEqualTo(bruteForce(graph));
      assertThat(solution.optimal()).isTrue();
    }
  }

  @Test
  void shouldAgreeWithJgraphtOnMediumRandomGraphs() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 30; trial++) {
      int n = 20 + random.nextInt(180);
      WeightedGraph graph =
          randomGraph(random, n, 2.0 + random.nextInt(12) / (double) n, 1 + random.nextInt(1000));
      MatchingSolution solution = BlossomSolver.solve(graph);
      assertValid(graph, solution);
      assertThat(solution.weight()).as("trial %d", trial).isEqualTo(jgrapht(graph));
    }
  }

  @Test
  void shouldReachTheSameOptimumFromAWarmStartOfASubgraph() {
    SplittableRandom random = new SplittableRandom(13);
    for (int trial = 0; trial < 200; trial++) {
      // given the solution of a random half of the edges, shifted by an even offset
      int n = 2 + random.nextInt(40);
      WeightedGraph graph = randomGraph(random, n, 0.3, 1 + random.nextInt(50));
      List<Integer> kept = new ArrayList<>();
      for (int k = 0; k < graph.edgeCount(); k++) {
        if (random.nextBoolean()) {
          kept.add(k);
        }
      }
      WeightedGraph half =
          new WeightedGraph(
              n,
              kept.stream().mapToInt(graph::from).toArray(),
              kept.stream().mapToInt(graph::to).toArray(),
              kept.stream().mapToLong(graph::weight).toArray());
      long shift = 2L * random.nextInt(100);
      WeightedGraph shifted =
          new WeightedGraph(
              n,
              java.util.stream.IntStream.range(0, graph.edgeCount()).map(graph::from).toArray(),
              java.util.stream.IntStream.range(0, graph.edgeCount()).map(graph::to).toArray(),
              java.util.stream.IntStream.range(0, graph.edgeCount())
                  .mapToLong(k -> graph.weight(k) + shift)
                  .toArray());
      MatchingSolution start = BlossomSolver.solve(half);

      // when
      MatchingSolution warm =
          BlossomSolver.solve(
              shifted, new WarmStart(start.mate(), start.potentials(), shift), SolverMonitor.NONE);

      // then
      assertValid(shifted, warm);
      assertThat(warm.optimal()).isTrue();
      assertThat(warm.weight())
          .as("trial %d", trial)
          .isEqualTo(BlossomSolver.solve(shifted).weight());
    }
  }

  @Test
  void shouldReachTheOptimumFromTheFractionalJumpStart() {
    SplittableRandom random = new SplittableRandom(31);
    for (int trial = 0; trial < 1530; trial++) {
      // given the fractional LP's half-integral solution (odd cycles of half-edges, odd duals)
      boolean small = trial < 1500;
      int n = small ? 1 + random.nextInt(11) : 20 + random.nextInt(300);
      WeightedGraph graph =
          small
              ? randomGraph(random, n, random.nextDouble(), 1 + random.nextInt(30))
              : randomGraph(random, n, (3.0 + random.nextInt(12)) / n, 1 + random.nextInt(1000));
      FractionalSolution fractional = FractionalMatching.solve(graph);

      // when
      MatchingSolution solution =
          BlossomSolver.solve(graph, fractional.warmStart(), SolverMonitor.NONE);

      // then
      assertValid(graph, solution);
      assertThat(solution.optimal()).isTrue();
      long optimum = small ? bruteForce(graph) : jgrapht(graph);
      assertThat(solution.weight()).as("trial %d %s", trial, graph).isEqualTo(optimum);
      assertThat(fractional.optimal()).isTrue();
      assertThat(fractional.upperBound()).isGreaterThanOrEqualTo(optimum);
    }
  }

  static WeightedGraph randomGraph(SplittableRandom random, int n, double density, int maxWeight) {
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (random.nextDouble() < density) {
          edges.add(new int[] {i, j, random.nextInt(maxWeight + 1)});
        }
      }
    }
    int[] from = new int[edges.size()];
    int[] to = new int[edges.size()];
    long[] weight = new long[edges.size()];
    for (int k = 0; k < edges.size(); k++) {
      from[k] = edges.get(k)[0];
      to[k] = edges.get(k)[1];
      weight[k] = edges.get(k)[2];
    }
    return new WeightedGraph(n, from, to, weight);
  }

  static void assertValid(WeightedGraph graph, MatchingSolution solution) {
    int[] mate = solution.mate();
    Set<Long> edges = new HashSet<>();
    for (int k = 0; k < graph.edgeCount(); k++) {
      edges.add(
          (long) Math.min(graph.from(k), graph.to(k)) * 1_000_000
              + Math.max(graph.from(k), graph.to(k)));
    }
    for (int v = 0; v < mate.length; v++) {
      if (mate[v] >= 0) {
        assertThat(mate[mate[v]]).isEqualTo(v);
        assertThat(edges).contains((long) Math.min(v, mate[v]) * 1_000_000 + Math.max(v, mate[v]));
      }
    }
    assertThat(graph.weightOf(mate)).isEqualTo(solution.weight());
    assertThat(solution.upperBound()).isGreaterThanOrEqualTo(solution.weight());
  }

  static long bruteForce(WeightedGraph graph) {
    long[][] w = new long[graph.vertexCount()][graph.vertexCount()];
    for (long[] row : w) {
      java.util.Arrays.fill(row, -1);
    }
    for (int k = 0; k < graph.edgeCount(); k++) {
      w[graph.from(k)][graph.to(k)] = Math.max(w[graph.from(k)][graph.to(k)], graph.weight(k));
      w[graph.to(k)][graph.from(k)] = w[graph.from(k)][graph.to(k)];
    }
    return best(w, 0, new boolean[graph.vertexCount()]);
  }

  private static long best(long[][] w, int v, boolean[] used) {
    int n = w.length;
    while (v < n && used[v]) {
      v++;
    }
    if (v >= n) {
      return 0;
    }
    used[v] = true;
    long best = best(w, v + 1, used);
    for (int u = v + 1; u < n; u++) {
      if (!used[u] && w[v][u] >= 0) {
        used[u] = true;
        best = Math.max(best, w[v][u] + best(w, v + 1, used));
        used[u] = false;
      }
    }
    used[v] = false;
    return best;
  }

  static long jgrapht(WeightedGraph graph) {
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> g =
        new SimpleWeightedGraph<>(
            SupplierUtil.createIntegerSupplier(graph.vertexCount()),
            SupplierUtil.createDefaultWeightedEdgeSupplier());
    for (int v = 0; v < graph.vertexCount(); v++) {
      g.addVertex(v);
    }
    for (int k = 0; k < graph.edgeCount(); k++) {
      DefaultWeightedEdge e = g.addEdge(graph.from(k), graph.to(k));
      g.setEdgeWeight(e, graph.weight(k));
    }
    double weight =
        new KolmogorovWeightedMatching<>(g, ObjectiveSense.MAXIMIZE).getMatching().getWeight();
    return Math.round(weight);
  }
}
