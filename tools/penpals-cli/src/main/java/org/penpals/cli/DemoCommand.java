package org.penpals.cli;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.penpals.cli.stack.ApplicationBody;
import org.penpals.cli.stack.CycleBody;
import org.penpals.cli.stack.LoadResult;
import org.penpals.cli.stack.LoadRunner;
import org.penpals.cli.stack.MatchingClient;
import org.penpals.cli.stack.ParticipantEvents;
import org.penpals.cli.stack.RegistrationClient;
import org.penpals.cohort.CohortGenerator;
import org.penpals.cohort.SyntheticApplicant;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.platform.security.Role;

/**
 * {@code demo}: seeds an open demo cycle with a synthetic cohort through the public API, exactly as
 * applicants would, and confirms every email the way a person would: with the token from the
 * verification request on Kafka.
 *
 * <p>The cycle has room for everyone and no country cap (100%), so that the demo cycle is a clean
 * input for matching; {@code --country-cap 20} shows the programme's cap at work instead, and the
 * summary then reports who was waitlisted.
 */
final class DemoCommand implements Command {
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Clock clock;

  DemoCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String usage() {
    return "demo --registration URL --keys DIR --kafka BOOTSTRAP [--matching URL] [--applicants 762]\n"
        + "     [--countries 78] [--seed 2014] [--concurrency 16] [--country-cap 100] [--timeout 5m]\n"
        + "     [--match false]\n"
        + "                    open a demo cycle, apply with a synthetic cohort through the public\n"
        + "                    API, wait for every event on Kafka, verify every email, then close\n"
        + "                    the cycle, match it and publish the partnerships (unless --match false)";
  }

  /** The demo's settings, from the command line. */
  record Options(
      String registration,
      @org.jspecify.annotations.Nullable String matching,
      Path keys,
      String kafka,
      int applicants,
      int countries,
      long seed,
      int concurrency,
      int countryCap,
      Duration timeout) {

    static Options from(Arguments args) {
      args.allowOnly(
          1,
          Set.of(
              "registration",
              "matching",
              "match",
              "keys",
              "kafka",
              "applicants",
              "countries",
              "seed",
              "concurrency",
              "country-cap",
              "timeout"));
      int applicants = args.intOption("applicants", 762, 1, 1_000_000);
      int countries =
          args.intOption("countries", Math.min(78, applicants), 1, CohortGenerator.countryCount());
      if (countries > applicants) {
        throw new UsageException("--countries cannot exceed --applicants");
      }
      return new Options(
          args.required("registration"),
          "false".equals(args.option("match", "true"))
              ? null
              : args.option("matching", "http://localhost:8082"),
          Path.of(args.required("keys")),
          args.required("kafka"),
          applicants,
          countries,
          args.longOption("seed", 2014),
          args.intOption("concurrency", 16, 1, 1024),
          args.intOption("country-cap", 100, 1, 100),
          args.durationOption("timeout", Duration.ofMinutes(5)));
    }
  }

  @Override
  public int run(Arguments args, PrintStream out, PrintStream err) {
    Options options = Options.from(args);
    long started = System.nanoTime();
    String token =
        TokenCommand.mint(
            options.keys(), Role.COORDINATOR, "penpals-demo", Duration.ofHours(1), clock);
    try (RegistrationClient registration = new RegistrationClient(options.registration())) {
      registration.ping();
      try (ParticipantEvents events =
          ParticipantEvents.atEnd(options.kafka(), Duration.ofSeconds(30))) {
        return demo(options, token, registration, events, started, out, err);
      }
    }
  }

  private int demo(
      Options options,
      String token,
      RegistrationClient registration,
      ParticipantEvents events,
      long started,
      PrintStream out,
      PrintStream err) {
    int applicants = options.applicants();
    int concurrency = options.concurrency();
    int countryCap = options.countryCap();
    String name = "Demo cycle " + NAME_TIME.format(clock.instant());
    String cycleId =
        registration.createCycle(CycleBody.openNow(name, applicants, countryCap, clock), token);
    registration.openCycle(cycleId, token);
    events.follow(cycleId);
    err.printf(
        "demo: cycle %s open; applying with %d synthetic applicants...%n", cycleId, applicants);

    List<SyntheticApplicant> cohort =
        new CohortGenerator(options.seed()).generate(applicants, options.countries());
    List<HttpRequest> requests =
        cohort.stream()
            .map(a -> registration.application(cycleId, ApplicationBody.json(a)))
            .toList();
    LoadResult applied = LoadRunner.run(registration.http(), requests, concurrency, true);
    long waitlisted =
        applied.bodies().stream()
            .filter(body -> !body.isEmpty())
            .filter(
                body ->
                    RegistrationClient.json(body)
                        .path("admission")
                        .asString("")
                        .equals("WAITLISTED"))
            .count();
    int accepted = applied.succeeded();

    Instant deadline = Instant.now().plus(options.timeout());
    err.printf("demo: %d accepted; waiting for their events and verifying emails...%n", accepted);
    boolean allRequested =
        events.awaitUntil(
            () -> events.registered() >= accepted && events.verificationsRequested() >= accepted,
            deadline);
    LoadResult verifications = verify(registration, events, concurrency);
    boolean allVerified = events.awaitUntil(() -> events.verified() >= accepted, deadline);
    double seconds = (System.nanoTime() - started) / 1e9;

    printSummary(
        out,
        cycleId,
        name,
        cohort,
        applied,
        waitlisted,
        events,
        verifications,
        countryCap,
        seconds);
    boolean ok =
        applied.failed() == 0
            && allRequested
            && allVerified
            && verifications.failed() == 0
            && events.registered() == accepted;
    if (ok && options.matching() != null) {
      match(
          options, token, registration, cycleId, (int) (accepted - waitlisted), deadline, out, err);
    }
    if (!ok) {
      out.printf(
          "FAILED: %d of %d applications accepted; on Kafka %d registered, %d verification"
              + " requests, %d verified%n",
          accepted,
          applicants,
          events.registered(),
          events.verificationsRequested(),
          events.verified());
      return 1;
    }
    return 0;
  }

  /** Closes the cycle, matches everyone who holds a place, publishes, reports the quality. */
  private static void match(
      Options options,
      String token,
      RegistrationClient registration,
      String cycleId,
      int admitted,
      Instant deadline,
      PrintStream out,
      PrintStream err) {
    err.printf("demo: closing registration and matching %d applicants...%n", admitted);
    registration.closeCycle(cycleId, token);
    MatchingClient matching = new MatchingClient(options.matching(), token);
    matching.awaitPool(cycleId, admitted, deadline);
    var run = matching.run(cycleId, deadline);
    var quality = run.get("quality");
    var published = matching.publish(run.get("id").asString());
    out.printf(
        "  matching      %d of %d matched (at most %d could be); objective %d, bound %d, gap %d;"
            + " %s in %s ms%n",
        quality.get("matchedPeople").asInt(),
        quality.get("people").asInt(),
        quality.get("matchableUpperBound").asInt(),
        quality.get("objective").asLong(),
        quality.get("upperBound").asLong(),
        quality.get("gap").asLong(),
        quality.get("algorithm").asString(),
        run.get("finishedAt") == null
            ? "?"
            : ""
                + java.time.Duration.between(
                        Instant.parse(run.get("startedAt").asString()),
                        Instant.parse(run.get("finishedAt").asString()))
                    .toMillis());
    out.printf(
        "  published     %d partnerships, %d waitlisted (PartnershipFormed events on Kafka)%n",
        published.get("partnerships").asInt(), published.get("waitlisted").asInt());
  }

  /** Confirms every email whose verification request reached Kafka. */
  private static LoadResult verify(
      RegistrationClient registration, ParticipantEvents events, int concurrency) {
    List<HttpRequest> requests =
        events.takeTokens().stream().map(t -> registration.verification(t.token())).toList();
    return LoadRunner.run(registration.http(), requests, concurrency, false);
  }

  private static void printSummary(
      PrintStream out,
      String cycleId,
      String name,
      List<SyntheticApplicant> cohort,
      LoadResult applied,
      long waitlisted,
      ParticipantEvents events,
      LoadResult verifications,
      int countryCap,
      double seconds) {
    Map<String, Long> byCountry = count(cohort, a -> List.of(a.countryCode()));
    Map<String, Long> byLanguage =
        count(
            cohort,
            a ->
                a.languages().stream()
                    .filter(LanguageSkill::correspondence)
                    .map(LanguageSkill::code)
                    .toList());
    int accepted = applied.succeeded();
    out.printf("Demo cycle %s \"%s\"%n", cycleId, name);
    out.printf(
        "  capacity %d, country cap %s%n",
        cohort.size(), countryCap == 100 ? "none (100%)" : countryCap + "%");
    out.printf(
        "  applicants    %d submitted, %d accepted (%d admitted, %d waitlisted), %d rejected%n",
        applied.requests(), accepted, accepted - waitlisted, waitlisted, applied.failed());
    applied.problems().forEach(p -> out.println("                " + p));
    out.printf("  countries     %d distinct; top %s%n", byCountry.size(), top(byCountry, 8));
    out.printf("  languages     for correspondence: %s%n", top(byLanguage, 10));
    out.printf(
        "  verified      %d emails through POST /api/registration/verifications (%d failed)%n",
        verifications.succeeded(), verifications.failed());
    verifications.problems().forEach(p -> out.println("                " + p));
    boolean all =
        events.registered() == accepted
            && events.verificationsRequested() == accepted
            && events.verified() == accepted;
    out.printf(
        "  kafka         %s%d ParticipantRegistered %s, %d verification requests, %d EmailVerified%n",
        all ? "all " + (3 * accepted) + " events on Kafka: " : "",
        events.registered(),
        events.admissions(),
        events.verificationsRequested(),
        events.verified());
    out.printf("  took          %.1f s%n", seconds);
  }

  private static Map<String, Long> count(
      List<SyntheticApplicant> cohort, Function<SyntheticApplicant, List<String>> keys) {
    return cohort.stream()
        .flatMap(a -> keys.apply(a).stream())
        .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
  }

  static String top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
