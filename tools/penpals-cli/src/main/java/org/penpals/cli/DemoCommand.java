package org.penpals.cli;

import java.io.PrintStream;
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
import org.penpals.cli.stack.LoadRequest;
import org.penpals.cli.stack.LoadResult;
import org.penpals.cli.stack.LoadRunner;
import org.penpals.cli.stack.MatchingClient;
import org.penpals.cli.stack.ParticipantEvents;
import org.penpals.cli.stack.ProgrammeEvents;
import org.penpals.cli.stack.PromptClient;
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
        + "     [--match false] [--prompts URL [--weeks 17] [--inbox URL]]\n"
        + "                    open a demo cycle, apply with a synthetic cohort through the public\n"
        + "                    API, wait for every event on Kafka, verify every email, then close\n"
        + "                    the cycle, match it and publish the partnerships (unless --match false);\n"
        + "                    with --prompts, wait for every introduction mail and fast-forward\n"
        + "                    prompt-service's demo clock through the cycle's weekly prompts";
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
      Duration timeout,
      @org.jspecify.annotations.Nullable String prompts,
      int weeks,
      @org.jspecify.annotations.Nullable String inbox) {

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
              "timeout",
              "prompts",
              "weeks",
              "inbox"));
      int applicants = args.intOption("applicants", 762, 1, 1_000_000);
      int countries =
          args.intOption("countries", Math.min(78, applicants), 1, CohortGenerator.countryCount());
      if (countries > applicants) {
        throw new UsageException("--countries cannot exceed --applicants");
      }
      boolean match = !"false".equals(args.option("match", "true"));
      return new Options(
          args.required("registration"),
          match ? args.option("matching", "http://localhost:8082") : null,
          Path.of(args.required("keys")),
          args.required("kafka"),
          applicants,
          countries,
          args.longOption("seed", 2014),
          args.intOption("concurrency", 16, 1, 1024),
          args.intOption("country-cap", 100, 1, 100),
          args.durationOption("timeout", Duration.ofMinutes(5)),
          match ? args.optional("prompts") : null,
          args.intOption("weeks", 17, 1, 52),
          args.optional("inbox"));
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
              ParticipantEvents.atEnd(options.kafka(), Duration.ofSeconds(30));
          ProgrammeEvents programme =
              options.prompts() == null
                  ? null
                  : ProgrammeEvents.atEnd(options.kafka(), Duration.ofSeconds(30))) {
        return demo(options, token, registration, events, programme, started, out, err);
      }
    }
  }

  private int demo(
      Options options,
      String token,
      RegistrationClient registration,
      ParticipantEvents events,
      @org.jspecify.annotations.Nullable ProgrammeEvents programme,
      long started,
      PrintStream out,
      PrintStream err) {
    int applicants = options.applicants();
    int concurrency = options.concurrency();
    int countryCap = options.countryCap();
    String name = "Demo cycle " + NAME_TIME.format(clock.instant());
    CycleBody cycle = CycleBody.openNow(name, applicants, countryCap, clock);
    if (programme != null && options.prompts() != null) {
      Instant programmeNow = promptClient(options).demoNow();
      cycle =
          cycle.startingNoEarlierThan(
              programmeNow.atZone(ZoneOffset.UTC).toLocalDate().plusDays(2));
    }
    String cycleId = registration.createCycle(cycle, token);
    registration.openCycle(cycleId, token);
    events.follow(cycleId);
    if (programme != null) {
      programme.follow(cycleId);
    }
    err.printf(
        "demo: cycle %s open; applying with %d synthetic applicants...%n", cycleId, applicants);

    List<SyntheticApplicant> cohort =
        new CohortGenerator(options.seed()).generate(applicants, options.countries());
    List<LoadRequest> requests =
        cohort.stream()
            .map(a -> registration.application(cycleId, ApplicationBody.json(a)))
            .toList();
    LoadResult applied = LoadRunner.run(requests, concurrency, true);
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
      int partners =
          match(
              options,
              token,
              registration,
              cycleId,
              (int) (accepted - waitlisted),
              deadline,
              out,
              err);
      if (programme != null && options.prompts() != null) {
        ok = prompts(options, cycle, partners, programme, deadline, out, err);
        if (!ok) {
          return 1;
        }
      }
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
  private static int match(
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
    // members of partnerships: the matched pairs and whoever joined one as a third
    return quality.get("matchedPeople").asInt() + quality.path("inTrios").asInt(0);
  }

  /**
   * Waits for one introduction mail per partner, then moves prompt-service's demo clock a day at a
   * time from the eve of the partnerships' start through {@code weeks} weeks. Before the clock
   * passes the day by which week <i>n</i> is due in every time zone, it waits until every partner's
   * prompt of week <i>n</i> has come: the clock never runs ahead of the scheduler by more than a
   * couple of days, so no prompt is skipped as overdue. Finally it waits for the prompt mails.
   */
  private boolean prompts(
      Options options,
      CycleBody cycle,
      int partners,
      ProgrammeEvents programme,
      Instant deadline,
      PrintStream out,
      PrintStream err) {
    PromptClient prompts = promptClient(options);
    Instant at = prompts.demoNow();
    err.printf("demo: waiting for %d introduction mails...%n", partners);
    boolean introduced =
        programme.awaitUntil(() -> programme.mailsSent("INTRODUCTION") >= partners, deadline);
    out.printf(
        "  introduced    %d introduction mails sent, one per partner (%d in partnerships)%n",
        programme.mailsSent("INTRODUCTION"), partners);
    Instant start = cycle.partnershipStartsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    if (at.isBefore(start.minus(Duration.ofDays(1)))) {
      at = start.minus(Duration.ofDays(1));
      prompts.moveTo(at);
    }
    err.printf(
        "demo: fast-forwarding the programme clock from %s through %d weeks...%n",
        at, options.weeks());
    int weeks = 0;
    boolean onTime = true;
    while (weeks < options.weeks() && onTime) {
      int week = weeks + 1;
      // prompt n is due on its day at the cycle's hour in every time zone: from UTC+14 to UTC-12,
      // all of it has fallen due 12 hours (plus a margin) after that hour in UTC -- and prompt n+1
      // falls due nowhere before six days later, so waiting here never lets one be skipped
      Instant everywhere =
          cycle
              .promptDay(week)
              .atTime(cycle.promptLocalHour(), 0)
              .toInstant(ZoneOffset.UTC)
              .plus(Duration.ofHours(13));
      while (at.isBefore(everywhere)) {
        Instant next = at.plus(Duration.ofHours(12));
        at = next.isAfter(everywhere) ? everywhere : next;
        prompts.moveTo(at);
        programme.awaitQuiet(Duration.ofMillis(200), Instant.now().plusSeconds(5));
      }
      onTime = programme.awaitUntil(() -> programme.due(week) >= partners, deadline);
      err.printf(
          "demo: week %2d (programme time %s): %d prompts due%n", week, at, programme.due(week));
      weeks = week;
    }
    int due = programme.dueTotal();
    boolean mailed = programme.awaitUntil(() -> programme.mailsSent("PROMPT") >= due, deadline);
    out.printf(
        "  prompts       weeks 1-%d due for all %d partners: %d PromptDue events (%d marked late),"
            + " %d prompt mails sent%n",
        weeks, partners, due, programme.late(), programme.mailsSent("PROMPT"));
    out.printf(
        "  mails         %s%s%n",
        programme.mailsByKind(),
        options.inbox() == null ? "" : "; read them at " + options.inbox());
    boolean ok = introduced && onTime && weeks == options.weeks() && mailed;
    if (!ok) {
      out.printf(
          "FAILED: introductions %d of %d, weeks %d of %d, prompt mails %d of %d%n",
          programme.mailsSent("INTRODUCTION"),
          partners,
          weeks,
          options.weeks(),
          programme.mailsSent("PROMPT"),
          due);
    }
    return ok;
  }

  private PromptClient promptClient(Options options) {
    String admin =
        TokenCommand.mint(options.keys(), Role.ADMIN, "penpals-demo", Duration.ofHours(1), clock);
    return new PromptClient(java.util.Objects.requireNonNull(options.prompts()), admin);
  }

  /** Confirms every email whose verification request reached Kafka. */
  private static LoadResult verify(
      RegistrationClient registration, ParticipantEvents events, int concurrency) {
    List<LoadRequest> requests =
        events.takeTokens().stream().map(t -> registration.verification(t.token())).toList();
    return LoadRunner.run(requests, concurrency, false);
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
