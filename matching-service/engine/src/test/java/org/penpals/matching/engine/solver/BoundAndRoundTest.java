package org.penpals.matching.engine.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.matching.engine.solver.BlossomSolverTest.assertValid;
import static org.penpals.matching.engine.solver.BlossomSolverTest.bruteForce;
import static org.penpals.matching.engine.solver.BlossomSolverTest.randomGraph;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jgrapht.alg.matching.SparseEdmondsMaximumCardinalityMatching;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;

class BoundAndRoundTest {
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  @Test
  void shouldBoundEveryMatchingAndRoundToAValidOneOnSmallGraphs() {
    SplittableRandom random = new SplittableRandom(17);
    for (int trial = 0; trial < 1500; trial++) {
      // given
      int n = 1 + random.nextInt(11);
      WeightedGraph graph = randomGraph(random, n, random.nextDouble(), 1 + random.nextInt(30));

      // when
      MatchingSolution solution = AuctionMatching.solve(graph, System.nanoTime() + (1L << 60));

      // then the bound holds, and is within n / (2 SCALE) of the fractional LP optimum
      assertValid(graph, solution);
      long optimum = bruteForce(graph);
      assertThat(solution.weight()).isLessThanOrEqualTo(optimum);
      assertThat(solution.upperBound())
          .as("trial %d %s", trial, graph)
          .isGreaterThanOrEqualTo(optimum);
      FractionalSolution lp = FractionalMatching.solve(graph);
      assertThat(solution.upperBound())
          .as("trial %d %s", trial, graph)
          .isLessThanOrEqualTo(lp.upperBound() + n / (2 * AuctionMatching.SCALE) + 1);
    }
  }

  @Test
  void shouldComeCloseToTheOptimumOnMediumRandomGraphs() {
    SplittableRandom random = new SplittableRandom(19);
    for (int trial = 0; trial < 30; trial++) {
      // given
      int n = 50 + random.nextInt(400);
      WeightedGraph graph =
          randomGraph(random, n, (4.0 + random.nextInt(20)) / n, 1 + random.nextInt(1000));

      // when
      MatchingSolution solution = AuctionMatching.solve(graph, System.nanoTime() + (1L << 60));

      // then
      assertValid(graph, solution);
      MatchingSolution exact = BlossomSolver.solve(graph);
      assertThat(solution.upperBound()).isGreaterThanOrEqualTo(exact.weight());
      assertThat(solution.weight()).isLessThanOrEqualTo(exact.weight());
      assertThat(solution.upperBound() - exact.weight())
          .as("trial %d: the LP bound is close", trial)
          .isLessThanOrEqualTo(exact.weight() / 20 + n);
    }
  }

  @Test
  void shouldStillBoundWhenStoppedAtOnce() {
    SplittableRandom random = new SplittableRandom(23);
    WeightedGraph graph = randomGraph(random, 300, 0.05, 1000);

    MatchingSolution stopped = AuctionMatching.solve(graph, System.nanoTime() - 1);

    assertValid(graph, stopped);
    assertThat(stopped.upperBound()).isGreaterThanOrEqualTo(BlossomSolver.solve(graph).weight());
  }

  @Test
  void shouldAugmentAnyMatchingToMaximumCardinality() {
    SplittableRandom random = new SplittableRandom(29);
    for (int trial = 0; trial < 300; trial++) {
      // given a random graph and a random (greedy, in random order) matching of it
      int n = 2 + random.nextInt(trial < 200 ? 30 : 400);
      WeightedGraph graph = randomGraph(random, n, (1.0 + random.nextInt(8)) / n, 10);
      int[] mate = new int[n];
      Arrays.fill(mate, -1);
      for (int k = 0; k < graph.edgeCount(); k++) {
        if (random.nextInt(3) == 0 && mate[graph.from(k)] < 0 && mate[graph.to(k)] < 0) {
          mate[graph.from(k)] = graph.to(k);
          mate[graph.to(k)] = graph.from(k);
        }
      }

      // when
      CardinalityAugmentation.Result result =
          CardinalityAugmentation.augment(graph, mate, NO_DEADLINE);

      // then
      assertThat(result.maximum()).isTrue();
      int[] augmented = result.mate();
      assertValid(
          graph,
          new MatchingSolution(
              augmented,
              graph.weightOf(augmented),
              graph.weightOf(augmented),
              true,
              "t",
              0,
              new long[0]));
      assertThat(pairs(augmented)).as("trial %d", trial).isEqualTo(maximumCardinality(graph));
      assertThat(pairs(augmented) - pairs(mate)).isEqualTo(result.augmentations());
    }
  }

  private static int pairs(int[] mate) {
    int matched = 0;
    for (int m : mate) {
      if (m >= 0) {
        matched++;
      }
    }
    return matched / 2;
  }

  private static int maximumCardinality(WeightedGraph graph) {
    SimpleGraph<Integer, DefaultEdge> g =
        new SimpleGraph<>(
            SupplierUtil.createIntegerSupplier(graph.vertexCount()),
            SupplierUtil.DEFAULT_EDGE_SUPPLIER,
            false);
    for (int v = 0; v < graph.vertexCount(); v++) {
      g.addVertex(v);
    }
    for (int k = 0; k < graph.edgeCount(); k++) {
      g.addEdge(graph.from(k), graph.to(k));
    }
    return new SparseEdmondsMaximumCardinalityMatching<>(g).getMatching().getEdges().size();
  }
}
