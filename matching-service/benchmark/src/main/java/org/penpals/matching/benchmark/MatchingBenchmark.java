package org.penpals.matching.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.penpals.matching.engine.Candidate;
import org.penpals.matching.engine.CandidateGraph;
import org.penpals.matching.engine.LeftoverPolicy;
import org.penpals.matching.engine.MatchingEngine;
import org.penpals.matching.engine.MatchingOptions;
import org.penpals.matching.engine.MatchingRequest;
import org.penpals.matching.engine.MatchingResult;
import org.penpals.matching.engine.QualityReport;
import org.penpals.matching.engine.Rules;
import org.penpals.matching.engine.Weights;
import org.penpals.matching.engine.solver.GreedySolver;
import org.penpals.matching.engine.solver.MatchingSolution;
import org.penpals.matching.engine.solver.WeightedGraph;

/**
 * The matching benchmark (docs/matching.md). For each size: a seeded synthetic cohort, the engine's
 * full run (candidate graph, exact solve, leftovers), then JGraphT's Blossom V (in a child JVM with
 * a time limit) and greedy on the very same candidate graph, and where affordable the engine on the
 * dense graph of all valid pairs to measure what the candidate graph loses.
 *
 * <pre>
 * --sizes 762,2000,10000,100000   cohort sizes
 * --seed 42                       cohort generator seed
 * --k 50                          candidate partners kept per person
 * --dense-below 500               below this the engine uses every valid pair
 * --exhaustive-below 12000        below this the k best are found among all valid pairs
 * --dense-up-to 2000              also solve the dense graph up to this size (loss column)
 * --jgrapht-timeout 120s          per size; "timeout" if exceeded; 0s skips JGraphT
 * --budget 120s                   the engine's time budget
 * </pre>
 */
public final class MatchingBenchmark {
  private static final LocalDate START = LocalDate.of(2027, 3, 1);

  private MatchingBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(762, 2000, 10_000, 100_000);
    long seed = 42;
    int k = 50;
    int denseBelow = MatchingOptions.DEFAULTS.denseBelow();
    int denseUpTo = 2000;
    int exhaustiveBelow = MatchingOptions.DEFAULTS.exhaustiveBelow();
    Duration jgraphtTimeout = Duration.ofSeconds(120);
    Duration budget = Duration.ofSeconds(120);
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--sizes" ->
            sizes = java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
        case "--seed" -> seed = Long.parseLong(value);
        case "--k" -> k = Integer.parseInt(value);
        case "--dense-below" -> denseBelow = Integer.parseInt(value);
        case "--dense-up-to" -> denseUpTo = Integer.parseInt(value);
        case "--exhaustive-below" -> exhaustiveBelow = Integer.parseInt(value);
        case "--jgrapht-timeout" -> jgraphtTimeout = duration(value);
        case "--budget" -> budget = duration(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
    MatchingOptions options =
        MatchingOptions.DEFAULTS
            .withCandidatesPerPerson(k)
            .withDenseBelow(denseBelow)
            .withExhaustiveBelow(exhaustiveBelow)
            .withTimeBudget(budget);
    System.out.printf(
        Locale.ROOT,
        "# seed %d, k %d, dense below %d, JGraphT limit %ds, engine budget %ds, %d cores, max heap %d MiB%n",
        seed,
        k,
        denseBelow,
        jgraphtTimeout.toSeconds(),
        budget.toSeconds(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "%-8s %-22s %9s %9s %8s %15s %12s %12s %9s %9s%n",
        "size",
        "solver",
        "edges",
        "time(s)",
        "peakMiB",
        "matched/max",
        "objective",
        "bound",
        "gap",
        "loss");
    MatchingEngine engine = new MatchingEngine();
    for (int n : sizes) {
      List<Candidate> cohort = Cohorts.generate(seed, n);
      MatchingRequest request =
          new MatchingRequest(
              cohort, Rules.NONE, Weights.DEFAULTS, LeftoverPolicy.WAITLIST, START, options);
      if (n <= 2000) {
        engine.match(request); // JIT warm-up, not measured
      }
      resetPeaks();
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      MatchingResult result = engine.match(request);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
      QualityReport q = result.quality();
      long peak = peakMiB();
      Long denseObjective = null;
      Integer denseMatched = null;
      if (n <= denseUpTo && !q.denseGraph()) {
        MatchingRequest dense = request.withOptions(options.withDenseBelow(Integer.MAX_VALUE));
        resetPeaks();
        long d0 = System.nanoTime();
        MatchingResult denseResult = engine.match(dense);
        double denseSeconds = (System.nanoTime() - d0) / 1e9;
        QualityReport dq = denseResult.quality();
        denseObjective = dq.objective();
        denseMatched = dq.matchedPeople();
        row(
            n,
            "engine, dense graph",
            dq.candidateEdges(),
            fmt(denseSeconds),
            peakMiB(),
            dq.matchedPeople() + "/" + dq.matchableUpperBound(),
            dq.objective(),
            dq.upperBound(),
            pct(dq.gap(), dq.upperBound()),
            "");
      }
      String loss =
          denseObjective == null
              ? (q.denseGraph() ? "(dense)" : "-")
              : lossText(q.matchedPeople(), q.objective(), denseMatched, denseObjective);
      System.out.println(
          "#   engine phases (s): "
              + phases(q)
              + "; process CPU "
              + fmt(cpuSeconds)
              + " s, load average "
              + String.format(
                  Locale.ROOT,
                  "%.2f",
                  ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
              + "; "
              + q.algorithm());
      row(
          n,
          "engine",
          q.candidateEdges(),
          fmt(seconds),
          peak,
          q.matchedPeople() + "/" + q.matchableUpperBound(),
          q.objective(),
          q.upperBound(),
          pct(q.gap(), q.upperBound()) + (q.optimal() ? "" : "*"),
          loss);
      // the same candidate graph again (deterministic), for the other solvers
      CandidateGraph graph = engine.candidateGraph(request);

      WeightedGraph weighted = graph.weighted();
      long offset = graph.cardinalityOffset();
      resetPeaks();
      long g0 = System.nanoTime();
      MatchingSolution greedy = GreedySolver.solve(weighted);
      double greedySeconds = (System.nanoTime() - g0) / 1e9;
      long greedyScore = greedy.weight() - offset * greedy.size();
      row(
          n,
          "greedy",
          graph.edgeCount(),
          fmt(greedySeconds),
          peakMiB(),
          2 * greedy.size() + "/" + q.matchableUpperBound(),
          greedyScore,
          q.upperBound(),
          pct(q.upperBound() - greedyScore, q.upperBound()),
          "");

      if (!jgraphtTimeout.isZero()) {
        String[] jg = jgrapht(weighted, jgraphtTimeout);
        if (jg == null) {
          row(
              n,
              "jgrapht blossom V",
              graph.edgeCount(),
              "timeout",
              -1,
              "-",
              null,
              q.upperBound(),
              "-",
              "");
        } else {
          int pairs = Integer.parseInt(jg[0]);
          long score = Long.parseLong(jg[1]) - offset * pairs;
          row(
              n,
              "jgrapht blossom V",
              graph.edgeCount(),
              fmt(Double.parseDouble(jg[2])),
              Long.parseLong(jg[3]),
              2 * pairs + "/" + q.matchableUpperBound(),
              score,
              q.upperBound(),
              pct(q.upperBound() - score, q.upperBound()),
              "");
        }
      }
    }
    System.out.println(
        "# matched/max: people in pairs / proven maximum on the candidate graph;"
            + " bound: the engine's dual bound on the score of any matching pairing that many;"
            + " * = not proven optimal (time budget reached, or bound and round); loss: against the engine on the dense graph");
  }

  private static String phases(QualityReport q) {
    StringBuilder text = new StringBuilder();
    q.phaseTimings()
        .forEach(
            (phase, time) ->
                text.append(text.isEmpty() ? "" : ", ")
                    .append(phase)
                    .append(' ')
                    .append(fmt(time.toNanos() / 1e9)));
    return text.toString();
  }

  private static String lossText(
      int matched, long objective, int denseMatched, long denseObjective) {
    if (matched < denseMatched) {
      return (denseMatched - matched) + " people";
    }
    return pct(denseObjective - objective, denseObjective);
  }

  private static void row(
      int n,
      String solver,
      int edges,
      String time,
      long peak,
      String matched,
      Long objective,
      long bound,
      String gap,
      String loss) {
    System.out.printf(
        Locale.ROOT,
        "%-8d %-22s %9d %9s %8s %15s %12s %12d %9s %9s%n",
        n,
        solver,
        edges,
        time,
        peak < 0 ? "-" : Long.toString(peak),
        matched,
        objective == null ? "-" : objective.toString(),
        bound,
        gap,
        loss);
    System.out.flush();
  }

  private static String fmt(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  private static String pct(long part, long whole) {
    return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.3f%%", 100.0 * part / whole);
  }

  private static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    return Duration.ofSeconds(Long.parseLong(t));
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** CPU time of this JVM (all threads, GC and JIT included): the load-independent figure. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static long peakMiB() {
    return JgraphtRunner.peakMiB();
  }

  /** Runs JGraphT in a child JVM; null on timeout. */
  private static String[] jgrapht(WeightedGraph graph, Duration timeout)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile("penpals-graph", ".bin");
    try {
      JgraphtRunner.write(graph, file);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xmx6g",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  JgraphtRunner.class.getName(),
                  file.toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        return null;
      }
      String out = new String(process.getInputStream().readAllBytes()).trim();
      String[] lines = out.split("\n");
      String[] parts = lines[lines.length - 1].trim().split(" ");
      if (process.exitValue() != 0 || parts.length != 4) {
        throw new IllegalStateException("JGraphT run failed: " + out);
      }
      return parts;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
