package org.penpals.matching.engine.solver;

import java.util.Arrays;

/**
 * An undirected graph with integer edge weights, stored as parallel arrays: edge {@code k} joins
 * {@code from(k)} and {@code to(k)} with weight {@code weight(k)}. The arrays are copied in, so an
 * instance is immutable. Self-loops and negative weights are rejected; parallel edges are allowed
 * (a solver simply never uses the lighter one).
 */
public final class WeightedGraph {
  private final int vertexCount;
  private final int[] from;
  private final int[] to;
  private final long[] weight;

  public WeightedGraph(int vertexCount, int[] from, int[] to, long[] weight) {
    if (vertexCount < 0) {
      throw new IllegalArgumentException("vertexCount must not be negative: " + vertexCount);
    }
    if (from.length != to.length || from.length != weight.length) {
      throw new IllegalArgumentException("from, to and weight must have the same length");
    }
    for (int k = 0; k < from.length; k++) {
      if (from[k] < 0 || from[k] >= vertexCount || to[k] < 0 || to[k] >= vertexCount) {
        throw new IllegalArgumentException("edge " + k + " has an endpoint out of range");
      }
      if (from[k] == to[k]) {
        throw new IllegalArgumentException("edge " + k + " is a self-loop on " + from[k]);
      }
      if (weight[k] < 0) {
        throw new IllegalArgumentException("edge " + k + " has a negative weight " + weight[k]);
      }
    }
    this.vertexCount = vertexCount;
    this.from = from.clone();
    this.to = to.clone();
    this.weight = weight.clone();
  }

  public int vertexCount() {
    return vertexCount;
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

  public long weight(int edge) {
    return weight[edge];
  }

  /** The total weight of a matching given as a mate array ({@code -1} = unmatched). */
  public long weightOf(int[] mate) {
    long total = 0;
    for (int k = 0; k < from.length; k++) {
      if (mate[from[k]] == to[k] && mate[to[k]] == from[k]) {
        total += weight[k];
      }
    }
    return total;
  }

  int[] fromArray() {
    return from;
  }

  int[] toArray() {
    return to;
  }

  long[] weightArray() {
    return weight;
  }

  @Override
  public String toString() {
    return "WeightedGraph[" + vertexCount + " vertices, " + from.length + " edges]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightedGraph g
        && g.vertexCount == vertexCount
        && Arrays.equals(g.from, from)
        && Arrays.equals(g.to, to)
        && Arrays.equals(g.weight, weight);
  }

  @Override
  public int hashCode() {
    return 31 * vertexCount + Arrays.hashCode(weight);
  }
}
