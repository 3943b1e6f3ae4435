package org.penpals.matching.benchmark;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.blossom.v5.BlossomVOptions;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;
import org.penpals.matching.engine.solver.WeightedGraph;

/**
 * Runs JGraphT's Blossom V on a graph file in its own JVM, so that the benchmark can stop it at a
 * time limit. Prints one line: {@code pairs weight seconds peakMiB}.
 *
 * <p>Uses {@code BlossomVOptions.ALL_OPTIONS[19]} (the fastest here) and negated weights with
 * MINIMIZE, which avoids the per-edge cache MAXIMIZE adds.
 */
public final class JgraphtRunner {
  private JgraphtRunner() {}

  public static void main(String[] args) throws IOException {
    WeightedGraph graph = read(Path.of(args[0]));
    long start = System.nanoTime();
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> g =
        new SimpleWeightedGraph<>(
            SupplierUtil.createIntegerSupplier(graph.vertexCount()),
            SupplierUtil.createDefaultWeightedEdgeSupplier());
    for (int v = 0; v < graph.vertexCount(); v++) {
      g.addVertex(v);
    }
    for (int k = 0; k < graph.edgeCount(); k++) {
      DefaultWeightedEdge e = g.addEdge(graph.from(k), graph.to(k));
      g.setEdgeWeight(e, -(double) graph.weight(k));
    }
    MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
        new KolmogorovWeightedMatching<>(
                g, BlossomVOptions.ALL_OPTIONS[19], ObjectiveSense.MINIMIZE)
            .getMatching();
    double seconds = (System.nanoTime() - start) / 1e9;
    long weight = 0;
    for (DefaultWeightedEdge e : matching.getEdges()) {
      weight += Math.round(-g.getEdgeWeight(e));
    }
    System.out.println(matching.getEdges().size() + " " + weight + " " + seconds + " " + peakMiB());
  }

  static long peakMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  static void write(WeightedGraph graph, Path file) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(graph.vertexCount());
      out.writeInt(graph.edgeCount());
      for (int k = 0; k < graph.edgeCount(); k++) {
        out.writeInt(graph.from(k));
        out.writeInt(graph.to(k));
        out.writeLong(graph.weight(k));
      }
    }
  }

  static WeightedGraph read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      int m = in.readInt();
      int[] from = new int[m];
      int[] to = new int[m];
      long[] weight = new long[m];
      for (int k = 0; k < m; k++) {
        from[k] = in.readInt();
        to[k] = in.readInt();
        weight[k] = in.readLong();
      }
      return new WeightedGraph(n, from, to, weight);
    }
  }
}
