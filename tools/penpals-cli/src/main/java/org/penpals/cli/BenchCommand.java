package org.penpals.cli;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.penpals.cli.stack.ApplicationBody;
import org.penpals.cli.stack.CycleBody;
import org.penpals.cli.stack.LoadRequest;
import org.penpals.cli.stack.LoadResult;
import org.penpals.cli.stack.LoadRunner;
import org.penpals.cli.stack.ParticipantEvents;
import org.penpals.cli.stack.PrometheusMetrics;
import org.penpals.cli.stack.RegistrationClient;
import org.penpals.cohort.CohortGenerator;
import org.penpals.platform.security.Role;

/**
 * {@code bench apply}: the load benchmark of the registration path. Opens a fresh cycle with room
 * for everyone, warms the service up, then applies {@code count} synthetic applications with {@code
 * concurrency} in flight and reports throughput and latency; follows the participants topic
 * meanwhile and reports when the last {@code ParticipantRegistered} reached Kafka; finally runs the
 * same load against the trivial public {@code GET /api/registration/taxonomy} as the framework's
 * ceiling on the same machine in the same minute.
 */
final class BenchCommand implements Command {
  static final double TARGET_THROUGHPUT = 1_000;
  static final double TARGET_P99_MILLIS = 100;
  private static final String APPLY_URI = "uri=\"/api/registration/cycles/{cycleId}/applications\"";

  private final Clock clock;

  BenchCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String usage() {
    return "bench apply --registration URL --keys DIR --kafka BOOTSTRAP [--count 20000]\n"
        + "     [--concurrency 64] [--warmup 10000] [--seed 2014] [--timeout 2m]\n"
        + "                    apply N applications concurrently; print throughput, p50/p99,\n"
        + "                    the time until the last event is on Kafka, and a trivial\n"
        + "                    endpoint's figures as the ceiling";
  }

  /** The benchmark's settings, from the command line. */
  record Options(
      String registration,
      Path keys,
      String kafka,
      int count,
      int concurrency,
      int warmup,
      long seed,
      Duration timeout) {

    static Options from(Arguments args) {
      args.allowOnly(
          2,
          Set.of(
              "registration",
              "keys",
              "kafka",
              "count",
              "concurrency",
              "warmup",
              "seed",
              "timeout"));
      if (!"apply".equals(args.positional(1))) {
        throw new UsageException("which benchmark? `bench apply` is the one there is");
      }
      return new Options(
          args.required("registration"),
          Path.of(args.required("keys")),
          args.required("kafka"),
          args.intOption("count", 20_000, 1, 1_000_000),
          args.intOption("concurrency", 64, 1, 4096),
          args.intOption("warmup", 10_000, 0, 1_000_000),
          args.longOption("seed", 2014),
          args.durationOption("timeout", Duration.ofMinutes(2)));
    }
  }

  @Override
  public int run(Arguments args, PrintStream out, PrintStream err) {
    Options options = Options.from(args);
    String token =
        TokenCommand.mint(
            options.keys(), Role.COORDINATOR, "penpals-bench", Duration.ofHours(1), clock);
    try (RegistrationClient registration = new RegistrationClient(options.registration())) {
      registration.ping();
      try (ParticipantEvents events =
          ParticipantEvents.atEnd(options.kafka(), Duration.ofSeconds(30))) {
        return bench(options, token, registration, events, out, err);
      }
    }
  }

  private int bench(
      Options options,
      String token,
      RegistrationClient registration,
      ParticipantEvents events,
      PrintStream out,
      PrintStream err) {
    int count = options.count();
    int concurrency = options.concurrency();
    int warmup = options.warmup();
    String cycleId =
        registration.createCycle(
            CycleBody.openNow("Load benchmark " + clock.instant(), count + warmup, 100, clock),
            token);
    registration.openCycle(cycleId, token);
    events.follow(cycleId);

    List<LoadRequest> applications =
        new CohortGenerator(options.seed())
            .generate(count + warmup).stream()
                .map(a -> registration.application(cycleId, ApplicationBody.json(a)))
                .toList();
    err.printf(
        "bench: cycle %s; warming up with %d applications, %d in flight...%n",
        cycleId, warmup, concurrency);
    LoadResult warm = LoadRunner.run(applications.subList(0, warmup), concurrency, false);

    err.printf("bench: applying %d...%n", count);
    Optional<PrometheusMetrics> before = registration.metrics();
    JvmSnapshot clientBefore = JvmSnapshot.now();
    LoadResult measured =
        LoadRunner.run(applications.subList(warmup, warmup + count), concurrency, false);
    JvmSnapshot clientAfter = JvmSnapshot.now();
    Optional<PrometheusMetrics> after = registration.metrics();

    int expectedEvents = warm.succeeded() + measured.succeeded();
    boolean allEvents =
        events.awaitUntil(
            () -> events.registered() >= expectedEvents, Instant.now().plus(options.timeout()));
    long lastEventMillis = events.lastRegisteredAtMillis();

    err.printf("bench: the ceiling, GET %s...%n", RegistrationClient.TAXONOMY);
    List<LoadRequest> trivial =
        Collections.nCopies(count, registration.get(RegistrationClient.TAXONOMY));
    LoadRunner.run(trivial.subList(0, Math.min(warmup, count)), concurrency, false);
    LoadResult ceiling = LoadRunner.run(trivial, concurrency, false);

    out.printf(
        "Apply benchmark: %d applications, %d in flight, after %d warm-up; %s%n",
        count, concurrency, warmup, registration.base());
    out.printf("  cycle          %s (capacity %d, no country cap)%n", cycleId, count + warmup);
    out.printf(
        "  applications   %d ok, %d failed in %.2f s: %.0f applications/s%n",
        measured.succeeded(), measured.failed(), measured.seconds(), measured.throughput());
    if (warm.failed() > 0) {
      out.printf("  warm-up        %d of %d failed%n", warm.failed(), warm.requests());
    }
    failures(out, measured, warm);
    out.printf(
        "  latency (ms)   p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
        measured.percentileMillis(50),
        measured.percentileMillis(90),
        measured.percentileMillis(99),
        measured.percentileMillis(99.9),
        measured.maxMillis());
    out.printf(
        "  kafka          %d/%d ParticipantRegistered on Kafka (warm-up included)%s%n",
        events.registered(),
        count + warmup,
        lastEventMillis == 0
            ? ""
            : String.format(
                "; the last %.2f s after the first measured request, %.2f s after the last"
                    + " response",
                (lastEventMillis - measured.startedAtMillis()) / 1000.0,
                (lastEventMillis - measured.finishedAtMillis()) / 1000.0));
    out.printf(
        "  ceiling        GET %s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms (%d failed)%n",
        RegistrationClient.TAXONOMY,
        ceiling.throughput(),
        ceiling.percentileMillis(50),
        ceiling.percentileMillis(99),
        ceiling.failed());
    serverJvm(out, before, after, measured);
    clientJvm(out, clientBefore, clientAfter, measured);
    boolean ok =
        measured.failed() == 0
            && warm.failed() == 0
            && allEvents
            && events.registered() == count + warmup;
    out.printf(
        "  targets        >= %.0f applications/s: %s; p99 < %.0f ms: %s; every event on Kafka: %s%n",
        TARGET_THROUGHPUT,
        yesNo(measured.throughput() >= TARGET_THROUGHPUT),
        TARGET_P99_MILLIS,
        yesNo(measured.percentileMillis(99) < TARGET_P99_MILLIS),
        yesNo(ok));
    return ok ? 0 : 1;
  }

  private static void failures(PrintStream out, LoadResult measured, LoadResult warm) {
    if (measured.failed() + warm.failed() == 0) {
      return;
    }
    out.printf("  statuses       %s%n", measured.statuses());
    for (String problem : measured.problems().isEmpty() ? warm.problems() : measured.problems()) {
      out.println("                 " + problem);
    }
  }

  /** What the service's own metrics say about the measured phase, when it exposes them. */
  private static void serverJvm(
      PrintStream out,
      Optional<PrometheusMetrics> before,
      Optional<PrometheusMetrics> after,
      LoadResult measured) {
    if (before.isEmpty() || after.isEmpty()) {
      out.println("  server JVM     (no /actuator/prometheus to read)");
      return;
    }
    PrometheusMetrics b = before.get();
    PrometheusMetrics a = after.get();
    StringBuilder line = new StringBuilder("  server JVM    ");
    OptionalDouble cpuSeconds = PrometheusMetrics.delta(b, a, "process_cpu_time_ns_total");
    if (cpuSeconds.isPresent()) {
      line.append(
          String.format(" CPU %.2f cores;", cpuSeconds.getAsDouble() / 1e9 / measured.seconds()));
    } else {
      a.sum("process_cpu_usage")
          .ifPresent(u -> line.append(String.format(" CPU %.0f%% at the end;", 100 * u)));
    }
    OptionalDouble pauses = PrometheusMetrics.delta(b, a, "jvm_gc_pause_seconds_count");
    OptionalDouble pauseSeconds = PrometheusMetrics.delta(b, a, "jvm_gc_pause_seconds_sum");
    if (pauses.isPresent() && pauseSeconds.isPresent()) {
      line.append(
          String.format(
              " GC %.0f pauses, %.0f ms;",
              pauses.getAsDouble(), pauseSeconds.getAsDouble() * 1000));
    }
    a.sum("jvm_memory_used_bytes", "area=\"heap\"")
        .ifPresent(h -> line.append(String.format(" heap %.0f MB;", h / 1024 / 1024)));
    a.sum("jvm_threads_live_threads")
        .ifPresent(t -> line.append(String.format(" %.0f threads;", t)));
    OptionalDouble handled =
        PrometheusMetrics.delta(b, a, "http_server_requests_seconds_count", APPLY_URI);
    OptionalDouble handledSeconds =
        PrometheusMetrics.delta(b, a, "http_server_requests_seconds_sum", APPLY_URI);
    if (handled.isPresent() && handledSeconds.isPresent() && handled.getAsDouble() > 0) {
      line.append(
          String.format(
              " %.1f ms per application inside the server",
              handledSeconds.getAsDouble() * 1000 / handled.getAsDouble()));
    }
    out.println(line);
  }

  private static void clientJvm(
      PrintStream out, JvmSnapshot before, JvmSnapshot after, LoadResult measured) {
    out.printf(
        "  client JVM     CPU %.2f cores; GC %d collections, %d ms; load average %.1f on %d cores%n",
        (after.cpuNanos() - before.cpuNanos()) / 1e9 / measured.seconds(),
        after.gcCount() - before.gcCount(),
        after.gcMillis() - before.gcMillis(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "NO";
  }

  /** The CLI's own CPU time and garbage collections, read cheaply from the JVM. */
  record JvmSnapshot(long cpuNanos, long gcCount, long gcMillis) {
    static JvmSnapshot now() {
      long cpu =
          ManagementFactory.getOperatingSystemMXBean()
                  instanceof com.sun.management.OperatingSystemMXBean os
              ? os.getProcessCpuTime()
              : 0;
      long count = 0;
      long millis = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        count += Math.max(0, gc.getCollectionCount());
        millis += Math.max(0, gc.getCollectionTime());
      }
      return new JvmSnapshot(cpu, count, millis);
    }
  }
}
