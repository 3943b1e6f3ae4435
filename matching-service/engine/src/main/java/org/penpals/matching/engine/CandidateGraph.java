package org.penpals.matching.engine;

import java.util.List;
import org.penpals.matching.engine.solver.WeightedGraph;

/**
 * The pairs the solver may choose from: vertices are the candidates not in locked pairs, edges are
 * valid pairs (every one when {@link #dense()}, else each person's best {@code k} plus repairs),
 * each with its score. Immutable.
 */
public final class CandidateGraph {
  private final List<String> ids;
  private final int[] cohortIndex;
  private final int[] from;
  private final int[] to;
  private final int[] score;
  private final boolean dense;
  private final int maxScore;

  CandidateGraph(
      List<String> ids,
      int[] cohortIndex,
      int[] from,
      int[] to,
      int[] score,
      boolean dense,
      int maxScore) {
    this.ids = List.copyOf(ids);
    this.cohortIndex = cohortIndex;
    this.from = from;
    this.to = to;
    this.score = score;
    this.dense = dense;
    this.maxScore = maxScore;
  }

  /** Candidate id of each vertex. */
  public List<String> candidateIds() {
    return ids;
  }

  public int vertexCount() {
    return ids.size();
  }

  public int edgeCount() {
    return from.length;
  }

  public int from(int edge) {
    return from[edge];
  }

  public int to(int edge) {
    return to[edge];
  }

  public int score(int edge) {
    return score[edge];
  }

  /** Whether every valid pair is an edge. */
  public boolean dense() {
    return dense;
  }

  /** The most points any pair can score under the request's weights. */
  public int maxScore() {
    return maxScore;
  }

  /**
   * {@code C}: more than the score of any matching, so that with weights {@code C + score} a
   * heaviest matching is first a largest one, then a best-scoring one among those.
   */
  public long cardinalityOffset() {
    long offset = (long) maxScore * (vertexCount() / 2) + 1;
    return offset + (offset & 1); // even, so that potentials shifted by it stay even
  }

  /** The graph with weights {@code cardinalityOffset() + score}. */
  public WeightedGraph weighted() {
    long offset = cardinalityOffset();
    long[] weight = new long[score.length];
    for (int k = 0; k < score.length; k++) {
      weight[k] = offset + score[k];
    }
    return new WeightedGraph(vertexCount(), from, to, weight);
  }

  /** The graph with the scores as weights (no cardinality offset). */
  public WeightedGraph scoreWeighted() {
    long[] weight = new long[score.length];
    for (int k = 0; k < score.length; k++) {
      weight[k] = score[k];
    }
    return new WeightedGraph(vertexCount(), from, to, weight);
  }

  int cohortIndex(int vertex) {
    return cohortIndex[vertex];
  }
}
