package org.penpals.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.penpals.cli.demo.CountryCap;
import org.penpals.cli.demo.Scale;
import org.penpals.cli.stack.ApplicationBody;
import org.penpals.cli.stack.ConsumerProgress;
import org.penpals.cli.stack.CycleBody;
import org.penpals.cli.stack.InboxClient;
import org.penpals.cli.stack.LoadRequest;
import org.penpals.cli.stack.LoadResult;
import org.penpals.cli.stack.LoadRunner;
import org.penpals.cli.stack.MatchingClient;
import org.penpals.cli.stack.MessagingClient;
import org.penpals.cli.stack.ParticipantEvents;
import org.penpals.cli.stack.ProgrammeEvents;
import org.penpals.cli.stack.PromptClient;
import org.penpals.cli.stack.RegistrationClient;
import org.penpals.cohort.CohortGenerator;
import org.penpals.cohort.SyntheticApplicant;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.platform.security.Role;
import org.penpals.platform.security.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * {@code demo}: plays a whole demo cycle on the local stack through the services' public APIs,
 * exactly as applicants, participants and staff would. A synthetic cohort applies to a new cycle
 * whose country cap only the largest country goes over, and confirms every email with the token
 * from the verification request on Kafka; a few admitted applicants of that country withdraw so
 * that freed places admit the next in line, staff admit the rest of the waitlist; registration
 * closes, the cycle is matched and published (re-matchings published at once); then {@link
 * LifeOfTheCycle} plays the weeks on prompt-service's demo clock to the cycle's completion and
 * compares every kind of mail with the local inbox.
 *
 * <p>{@code --country-cap N} sets the cap instead (100: none); {@code --match false} stops after
 * registration; without {@code --prompts} it stops after publication.
 */
final class DemoCommand implements Command {
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final Duration TOKEN_TTL = Duration.ofHours(6);

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
        + "     [--countries 78] [--seed 2014] [--concurrency 16] [--country-cap auto|1-100]\n"
        + "     [--timeout 5m] [--match false] [--prompts URL [--messaging URL] [--inbox URL]\n"
        + "     [--weeks 17]]\n"
        + "                    play a whole demo cycle: open it with a country cap only the largest\n"
        + "                    country goes over, apply with a synthetic cohort through the public\n"
        + "                    API, verify every email, admit the waitlist (freed places, then\n"
        + "                    staff), close, match and publish (unless --match false); with\n"
        + "                    --prompts, fast-forward prompt-service's demo clock through the\n"
        + "                    cycle's weeks (--weeks long) with an announcement (--messaging),\n"
        + "                    withdrawals, quiet partners reminded and re-paired, to the cycle's\n"
        + "                    completion; print each kind of mail's count and compare it with the\n"
        + "                    local inbox (--inbox). --timeout bounds every single wait";
  }

  /** The demo's settings, from the command line. */
  record Options(
      String registration,
      @Nullable String matching,
      Path keys,
      String kafka,
      int applicants,
      int countries,
      long seed,
      int concurrency,
      @Nullable Integer countryCap,
      Duration timeout,
      @Nullable String prompts,
      @Nullable String messaging,
      int weeks,
      @Nullable String inbox) {

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
              "messaging",
              "weeks",
              "inbox"));
      int applicants = args.intOption("applicants", 762, 1, 1_000_000);
      int countries =
          args.intOption("countries", Math.min(78, applicants), 1, CohortGenerator.countryCount());
      if (countries > applicants) {
        throw new UsageException("--countries cannot exceed --applicants");
      }
      boolean match = !"false".equals(args.option("match", "true"));
      String cap = args.option("country-cap", "auto");
      return new Options(
          args.required("registration"),
          match ? args.option("matching", "http://localhost:8082") : null,
          Path.of(args.required("keys")),
          args.required("kafka"),
          applicants,
          countries,
          args.longOption("seed", 2014),
          args.intOption("concurrency", 16, 1, 1024),
          cap.equals("auto") ? null : args.intOption("country-cap", 100, 1, 100),
          args.durationOption("timeout", Duration.ofMinutes(5)),
          match ? args.optional("prompts") : null,
          match ? args.optional("messaging") : null,
          args.intOption("weeks", CycleBody.DEFAULT_LENGTH_WEEKS, 1, 52),
          args.optional("inbox"));
    }
  }

  @Override
  public int run(Arguments args, PrintStream out, PrintStream err) {
    Options options = Options.from(args);
    long started = System.nanoTime();
    Tokens tokens = TokenCommand.tokens(options.keys(), clock);
    String token = tokens.mint("penpals-demo", List.of(Role.COORDINATOR), TOKEN_TTL);
    // the inbox keeps earlier runs' mails: count them before this run sends any
    InboxClient inbox =
        options.prompts() == null || options.inbox() == null
            ? null
            : new InboxClient(options.inbox());
    Map<String, Integer> inboxBefore = inbox == null ? null : inbox.countByKind();
    try (RegistrationClient registration = new RegistrationClient(options.registration())) {
      registration.ping();
      try (ParticipantEvents events =
              ParticipantEvents.atEnd(options.kafka(), Duration.ofSeconds(30));
          ProgrammeEvents programme =
              options.prompts() == null
                  ? null
                  : ProgrammeEvents.atEnd(options.kafka(), Duration.ofSeconds(30));
          ConsumerProgress progress =
              options.prompts() == null ? null : new ConsumerProgress(options.kafka())) {
        Run run =
            new Run(
                options,
                tokens,
                token,
                registration,
                events,
                programme,
                progress,
                inbox,
                inboxBefore,
                started,
                out,
                err);
        return run.demo();
      }
    }
  }

  /** One run of the demo. */
  private final class Run {
    private final Options options;
    private final Tokens tokens;
    private final String token;
    private final RegistrationClient registration;
    private final ParticipantEvents events;
    private final @Nullable ProgrammeEvents programme;
    private final @Nullable ConsumerProgress progress;
    private final @Nullable InboxClient inbox;
    private final @Nullable Map<String, Integer> inboxBefore;
    private final long started;
    private final PrintStream out;
    private final PrintStream err;

    Run(
        Options options,
        Tokens tokens,
        String token,
        RegistrationClient registration,
        ParticipantEvents events,
        @Nullable ProgrammeEvents programme,
        @Nullable ConsumerProgress progress,
        @Nullable InboxClient inbox,
        @Nullable Map<String, Integer> inboxBefore,
        long started,
        PrintStream out,
        PrintStream err) {
      this.options = options;
      this.tokens = tokens;
      this.token = token;
      this.registration = registration;
      this.events = events;
      this.programme = programme;
      this.progress = progress;
      this.inbox = inbox;
      this.inboxBefore = inboxBefore;
      this.started = started;
      this.out = out;
      this.err = err;
    }

    int demo() {
      int applicants = options.applicants();
      int concurrency = options.concurrency();
      List<SyntheticApplicant> cohort =
          new CohortGenerator(options.seed()).generate(applicants, options.countries());
      Map<String, Long> byCountry = count(cohort, a -> List.of(a.countryCode()));
      CountryCap cap =
          options.countryCap() == null
              ? CountryCap.forCohort(byCountry, Math.max(2, applicants)).orElse(null)
              : null;
      int countryCapPercent =
          options.countryCap() != null ? options.countryCap() : cap == null ? 100 : cap.percent();
      String name = "Demo cycle " + NAME_TIME.format(clock.instant());
      CycleBody cycle =
          CycleBody.openNow(name, applicants, countryCapPercent, clock).lasting(options.weeks());
      if (programme != null && options.prompts() != null) {
        // the programme clock only moves forward: after an earlier run, it is past that cycle
        Instant programmeNow = promptClient().demoNow();
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

      List<LoadRequest> requests =
          cohort.stream()
              .map(a -> registration.application(cycleId, ApplicationBody.json(a)))
              .toList();
      LoadResult applied = LoadRunner.run(requests, concurrency, true);
      // the bodies come in the cohort's order: who is who, and who registration waitlisted
      Map<String, SyntheticApplicant> byId = new LinkedHashMap<>();
      Map<String, String> admission = new LinkedHashMap<>();
      for (int i = 0; i < cohort.size(); i++) {
        String body = applied.bodies().get(i);
        if (!body.isEmpty() && body.startsWith("{")) {
          JsonNode json = RegistrationClient.json(body);
          if (json.has("id")) {
            byId.put(json.get("id").asString(), cohort.get(i));
            admission.put(json.get("id").asString(), json.path("admission").asString(""));
          }
        }
      }
      long waitlisted = admission.values().stream().filter("WAITLISTED"::equals).count();
      int accepted = applied.succeeded();

      err.printf(
          "demo: %d accepted; waiting for their events and verifying emails (at most %s)...%n",
          accepted, options.timeout());
      Instant deadline = Instant.now().plus(options.timeout());
      boolean allRequested =
          events.awaitUntil(
              () -> events.registered() >= accepted && events.verificationsRequested() >= accepted,
              deadline);
      LoadResult verifications = verify(registration, events, concurrency);
      boolean allVerified =
          events.awaitUntil(
              () -> events.verified() >= accepted, Instant.now().plus(options.timeout()));
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
          countryCapPercent,
          cap,
          seconds);
      boolean ok =
          applied.failed() == 0
              && allRequested
              && allVerified
              && verifications.failed() == 0
              && events.registered() == accepted;
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
      int leftWhileOpen = admitTheWaitlist(cycleId, byId, admission, waitlisted);
      if (leftWhileOpen < 0) {
        return 1;
      }
      if (options.matching() == null) {
        return 0;
      }
      if (programme != null && !messagingCaughtUp(accepted, waitlisted)) {
        return 1;
      }
      MatchingClient matching = new MatchingClient(options.matching(), token);
      int partners = match(matching, cycleId, accepted - leftWhileOpen, options.prompts() != null);
      if (programme == null || progress == null || options.prompts() == null) {
        return 0;
      }
      LifeOfTheCycle life =
          new LifeOfTheCycle(
              new LifeOfTheCycle.Setup(
                  cycleId,
                  name,
                  cycle,
                  partners,
                  accepted,
                  waitlisted,
                  byId,
                  registration,
                  matching,
                  promptClient(),
                  options.messaging() == null
                      ? null
                      : new MessagingClient(options.messaging(), token),
                  inbox,
                  inboxBefore,
                  events,
                  programme,
                  progress,
                  tokens,
                  token,
                  options.timeout()),
              out,
              err);
      boolean played = life.play();
      out.printf("  took          %.1f s%n", (System.nanoTime() - started) / 1e9);
      return played ? 0 : 1;
    }

    /**
     * While registration is open: a few admitted applicants of the capped country withdraw, and
     * each freed place admits the next in line (FREED_PLACE); then staff admit everyone still
     * waiting (STAFF). Returns how many withdrew, or -1 if something fell short.
     */
    private int admitTheWaitlist(
        String cycleId,
        Map<String, SyntheticApplicant> byId,
        Map<String, String> admission,
        long waitlisted) {
      if (waitlisted == 0) {
        return 0;
      }
      Map<String, Long> waitingByCountry = new TreeMap<>();
      admission.forEach(
          (id, a) -> {
            if (a.equals("WAITLISTED")) {
              waitingByCountry.merge(byId.get(id).countryCode(), 1L, Long::sum);
            }
          });
      // the country whose places free up: the one with people waiting (the capped one)
      String country =
          waitingByCountry.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElseThrow();
      List<String> admittedOfCountry =
          admission.entrySet().stream()
              .filter(e -> e.getValue().equals("ADMITTED"))
              .map(Map.Entry::getKey)
              .filter(id -> byId.get(id).countryCode().equals(country))
              .toList();
      int freed =
          Scale.freedPlaces(waitingByCountry.getOrDefault(country, 0L), admittedOfCountry.size());
      err.printf(
          "demo: admitted %s applicants withdraw while registration is open (%d); waiting for their"
              + " places to admit the next in line (at most %s)...%n",
          country, freed, options.timeout());
      for (String id : admittedOfCountry.subList(0, freed)) {
        registration.withdraw(
            tokens.mint(id, List.of(Role.PARTICIPANT), Duration.ofMinutes(15)),
            "demo: a place freed while registration is open");
      }
      boolean freedAdmitted =
          events.awaitUntil(
              () -> events.admittedByRoute().getOrDefault("FREED_PLACE", 0L) >= freed,
              Instant.now().plus(options.timeout()));
      List<String> waiting = new ArrayList<>();
      registration
          .waitlist(cycleId, token)
          .path("items")
          .forEach(item -> waiting.add(item.path("participantId").asString()));
      for (int from = 0; from < waiting.size(); from += 500) {
        registration.admit(
            cycleId, waiting.subList(from, Math.min(waiting.size(), from + 500)), token);
      }
      err.printf(
          "demo: staff admitted everyone still waiting (%d); waiting for their admissions on Kafka"
              + " (at most %s)...%n",
          waiting.size(), options.timeout());
      boolean staffAdmitted =
          events.awaitUntil(
              () -> events.admittedByRoute().getOrDefault("STAFF", 0L) >= waiting.size(),
              Instant.now().plus(options.timeout()));
      Map<String, Long> routes = events.admittedByRoute();
      out.printf(
          "  withdrew      admitted %s applicants while registration was open: %d%n",
          country, freed);
      out.printf(
          "  admitted      %d of %d waitlisted: by a freed place (FREED_PLACE) %d, by staff"
              + " (STAFF) %d%n",
          routes.values().stream().mapToLong(n -> n).sum(),
          waitlisted,
          routes.getOrDefault("FREED_PLACE", 0L),
          routes.getOrDefault("STAFF", 0L));
      if (!freedAdmitted || !staffAdmitted) {
        out.printf(
            "FAILED: admissions on Kafka: %d by a freed place of %d, %d by staff of %d%n",
            routes.getOrDefault("FREED_PLACE", 0L),
            freed,
            routes.getOrDefault("STAFF", 0L),
            waiting.size());
        return -1;
      }
      return freed;
    }

    /**
     * Waits until messaging has mailed every applicant their verification link and every waitlisted
     * one the waitlist and then their place: it has then handled every registration event of the
     * cycle's applicants, so it knows each of them when matching's events about them come (a mail
     * for someone it does not know yet fails its consumer, and after a few retries the event goes
     * to the dead-letter topic).
     */
    private boolean messagingCaughtUp(int accepted, long waitlisted) {
      ProgrammeEvents mails = java.util.Objects.requireNonNull(programme);
      long admitted = events.admittedByRoute().values().stream().mapToLong(n -> n).sum();
      err.printf(
          "demo: waiting for messaging to mail %d verification links, %d waitlist and %d admission"
              + " notices before matching (at most %s)...%n",
          accepted, waitlisted, admitted, options.timeout());
      boolean caughtUp =
          mails.awaitUntil(
              () ->
                  mails.mailsSent("VERIFICATION") >= accepted
                      && mails.mailsSent("WAITLISTED") >= waitlisted
                      && mails.mailsSent("ADMITTED") >= admitted,
              Instant.now().plus(options.timeout()));
      if (!caughtUp) {
        out.printf(
            "FAILED: messaging mailed %d of %d verification links, %d of %d waitlist and %d of %d"
                + " admission notices%n",
            mails.mailsSent("VERIFICATION"),
            accepted,
            mails.mailsSent("WAITLISTED"),
            waitlisted,
            mails.mailsSent("ADMITTED"),
            admitted);
      }
      return caughtUp;
    }

    /**
     * Closes the cycle, makes re-matchings publish at once, matches everyone who holds a place,
     * publishes, reports the quality; returns how many people are in partnerships.
     */
    private int match(MatchingClient matching, String cycleId, int admitted, boolean play) {
      err.printf(
          "demo: closing registration and matching %d applicants (at most %s)...%n",
          admitted, options.timeout());
      registration.closeCycle(cycleId, token);
      Instant deadline = Instant.now().plus(options.timeout());
      matching.awaitPool(cycleId, admitted, deadline);
      // partners who leave, late admissions and quiet partners' reporters are re-paired and
      // published at once; weights and leftovers stay as the cycle has them
      var settings = (tools.jackson.databind.node.ObjectNode) matching.settings(cycleId);
      settings.put("afterPublication", "AUTOMATIC");
      settings.put("quietRematch", "AUTOMATIC");
      var stored = matching.putSettings(cycleId, settings);
      out.printf(
          "  settings      afterPublication %s, quietRematch %s (leftovers %s, weights kept)%n",
          stored.path("afterPublication").asString(),
          stored.path("quietRematch").asString(),
          stored.path("leftoverPolicy").asString());
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
                  + Duration.between(
                          Instant.parse(run.get("startedAt").asString()),
                          Instant.parse(run.get("finishedAt").asString()))
                      .toMillis());
      out.printf(
          "  published     %d partnerships, %d waitlisted (PartnershipFormed events on Kafka)%n",
          published.get("partnerships").asInt(), published.get("waitlisted").asInt());
      // members of partnerships: the matched pairs and whoever joined one as a third
      return quality.get("matchedPeople").asInt() + quality.path("inTrios").asInt(0);
    }

    private PromptClient promptClient() {
      String admin = tokens.mint("penpals-demo", List.of(Role.ADMIN), TOKEN_TTL);
      return new PromptClient(java.util.Objects.requireNonNull(options.prompts()), admin);
    }
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
      @Nullable CountryCap cap,
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
    if (cap != null) {
      out.printf(
          "  capacity %d, country cap %d%% (%d places a country): only %s (%d applicants) goes"
              + " over it%s%n",
          Math.max(2, cohort.size()),
          cap.percent(),
          cap.places(),
          cap.country(),
          cap.applicants(),
          cap.nextCountry() == null
              ? ""
              : ", " + cap.nextCountry() + " (" + cap.nextApplicants() + ") fits");
    } else {
      out.printf(
          "  capacity %d, country cap %s%n",
          Math.max(2, cohort.size()), countryCap == 100 ? "none (100%)" : countryCap + "%");
    }
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
