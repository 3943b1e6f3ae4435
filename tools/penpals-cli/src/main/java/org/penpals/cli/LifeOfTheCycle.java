package org.penpals.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.penpals.cli.demo.Couples;
import org.penpals.cli.demo.InboxCheck;
import org.penpals.cli.demo.Scale;
import org.penpals.cli.stack.ConsumerProgress;
import org.penpals.cli.stack.CycleBody;
import org.penpals.cli.stack.InboxClient;
import org.penpals.cli.stack.MatchingClient;
import org.penpals.cli.stack.MessagingClient;
import org.penpals.cli.stack.ParticipantEvents;
import org.penpals.cli.stack.ProgrammeEvents;
import org.penpals.cli.stack.PromptClient;
import org.penpals.cli.stack.RegistrationClient;
import org.penpals.cohort.SyntheticApplicant;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.platform.security.Role;
import org.penpals.platform.security.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The demo cycle after its matches are published, played on prompt-service's demo clock: the
 * introductions, then week by week the prompts, and between the weeks what happens to people during
 * a real cycle — an announcement to everyone (after week 1), partners who withdraw and their
 * partners re-paired (after week 2), partners reported quiet and reminded, some answering and the
 * others' reporters given a new partner (from week 4), and finally the cycle's end: registration
 * moves it to {@code COMPLETED} and everyone is told. It ends with one line per kind of mail and
 * the comparison of those counts with the local inbox.
 *
 * <p>Every wait says what it waits for and gives up after the demo's {@code --timeout}; anything
 * that falls short is named on a {@code FAILED} line and the demo exits 1.
 */
final class LifeOfTheCycle {
  /** Consumer groups the demo asks whether they have handled an event yet. */
  private static final String PROMPT_SERVICE = "prompt-service";

  private static final int ANNOUNCE_AFTER_WEEK = 1;
  private static final int WITHDRAW_AFTER_WEEK = 2;
  private static final int REPORT_AFTER_WEEK = 4;

  /** What the demo learnt before publication, and the clients it goes on with. */
  record Setup(
      String cycleId,
      String cycleName,
      CycleBody cycle,
      int partners,
      int accepted,
      long waitlistedByRegistration,
      Map<String, SyntheticApplicant> applicants,
      RegistrationClient registration,
      MatchingClient matching,
      PromptClient prompts,
      @Nullable MessagingClient messaging,
      @Nullable InboxClient inbox,
      @Nullable Map<String, Integer> inboxBefore,
      ParticipantEvents participants,
      ProgrammeEvents programme,
      ConsumerProgress progress,
      Tokens tokens,
      String staffToken,
      Duration timeout) {}

  private final Setup s;
  private final PrintStream out;
  private final PrintStream err;
  private final List<String> shortfalls = new ArrayList<>();
  private final Set<String> involved = new HashSet<>();
  private final Map<String, String> lines = new LinkedHashMap<>();
  private Instant at;

  // what happened, for the summary
  private @Nullable JsonNode announcement;
  private int announcedInWeek;
  private final List<String> withdrew = new ArrayList<>();
  private int withdrewInWeek;
  private final List<Report> reports = new ArrayList<>();
  private int reportedInWeek;
  private @Nullable Instant answerBy;
  private boolean reportsSettled;
  private String finalStatus = "";
  private final Map<String, String> rePaired = new TreeMap<>();
  private final Set<String> waitlistedAfter = new HashSet<>();

  /** A report of a quiet partner the demo made. */
  private record Report(
      String partnershipId,
      String reporter,
      String silent,
      boolean answered,
      String reportId,
      @Nullable String outcome) {
    Report withOutcome(String status) {
      return new Report(partnershipId, reporter, silent, answered, reportId, status);
    }
  }

  LifeOfTheCycle(Setup setup, PrintStream out, PrintStream err) {
    this.s = setup;
    this.out = out;
    this.err = err;
    this.at = setup.prompts().demoNow();
  }

  /** Plays the cycle to its end; true if everything happened as it should. */
  boolean play() {
    ProgrammeEvents programme = s.programme();
    int partners = s.partners();
    await(partners + " introduction mails", () -> programme.mailsSent("INTRODUCTION") >= partners);
    out.printf(
        "  introduced    %d introduction mails sent, one per partner (%d in partnerships)%n",
        programme.mailsSent("INTRODUCTION"), partners);

    CycleBody cycle = s.cycle();
    Instant start = cycle.partnershipStartsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    if (at.isBefore(start.minus(Duration.ofDays(1)))) {
      at = start.minus(Duration.ofDays(1));
      s.prompts().moveTo(at);
    }
    int weeks = cycle.lengthWeeks();
    err.printf(
        "demo: fast-forwarding the programme clock from %s through the cycle's %d weeks...%n",
        at, weeks);
    int week = 0;
    boolean onTime = true;
    while (week < weeks && onTime) {
      week++;
      onTime = playWeek(week);
      if (!onTime) {
        break;
      }
      if (week == ANNOUNCE_AFTER_WEEK && week < weeks) {
        announce(week);
      }
      if (week == Math.min(WITHDRAW_AFTER_WEEK, weeks - 1)) {
        withdrawMidCycle(week);
      }
      if (week == Math.min(REPORT_AFTER_WEEK, weeks - 3)) {
        reportQuietPartners(week);
      }
      settleReportsIfDue();
    }
    if (!onTime || week < weeks) {
      shortfalls.add("weeks " + week + " of " + weeks + " (prompts did not all fall due)");
    } else {
      complete();
      await(
          programme.dueTotal() + " prompt mails",
          () -> programme.mailsSent("PROMPT") >= programme.dueTotal());
    }
    out.printf(
        "  prompts       weeks 1-%d due for every partner of each week: %d PromptDue events (%d"
            + " marked late), %d prompt mails sent%n",
        week, programme.dueTotal(), programme.late(), programme.mailsSent("PROMPT"));
    out.printf(
        "  cycle         %s (registration): RUNNING from %s, COMPLETED at %s; the programme"
            + " started %s and ended %s (prompt-service; programme time)%n",
        finalStatus.isEmpty() ? "not completed" : finalStatus,
        programme.runningAt(),
        programme.completedAt(),
        programme.programmeStartedAt(),
        programme.programmeEndedAt());
    if (!"COMPLETED".equals(finalStatus)) {
      shortfalls.add("the cycle is " + (finalStatus.isEmpty() ? "not completed" : finalStatus));
    }
    return finish();
  }

  // ------------------------------------------------------------------------------ weeks

  /**
   * Moves the clock through week {@code week}, half a day at a time, and after each step waits
   * until every prompt due by then has come (each partner's is due on the prompt day at the cycle's
   * hour in their own time zone), so the clock never runs ahead of prompt-service's scheduler and
   * no prompt is sent late. Prompt <i>n</i> has fallen due everywhere, from UTC+14 to UTC−12, 12
   * hours (plus a margin) after that hour in UTC. Then waits for the week's mails, so that nothing
   * the demo does next (a partnership dissolved) overtakes a prompt already due.
   */
  private boolean playWeek(int week) {
    CycleBody cycle = s.cycle();
    ProgrammeEvents programme = s.programme();
    int prompts = cycle.lengthWeeks();
    LocalDateTime local = cycle.promptDay(week).atTime(cycle.promptLocalHour(), 0);
    Instant everywhere = local.toInstant(ZoneOffset.UTC).plus(Duration.ofHours(13));
    err.printf(
        "demo: week %2d: moving the clock to %s in 12-hour steps, each time waiting for the prompts"
            + " due by then (at most %s)...%n",
        week, everywhere, s.timeout());
    while (at.isBefore(everywhere)) {
      Instant next = at.plus(Duration.ofHours(12));
      at = next.isAfter(everywhere) ? everywhere : next;
      s.prompts().moveTo(at);
      Instant by = at;
      Predicate<String> dueBy =
          member -> {
            SyntheticApplicant a = s.applicants().get(member);
            return a == null
                ? !by.isBefore(everywhere)
                : !ZonedDateTime.of(local, ZoneId.of(a.timeZone())).toInstant().isAfter(by);
          };
      boolean due =
          programme.awaitUntil(
              () -> programme.due(week) >= programme.dueExpected(week, prompts, dueBy),
              Instant.now().plus(s.timeout()));
      if (!due) {
        shortfalls.add(
            "week "
                + week
                + "'s prompts due by "
                + by
                + ": "
                + programme.due(week)
                + " of "
                + programme.dueExpected(week, prompts, dueBy));
        return false;
      }
    }
    return await(
        "the prompt mails of weeks 1-" + week,
        () -> programme.mailsSent("PROMPT") >= programme.dueTotal());
  }

  // ----------------------------------------------------------------------- announcement

  /** One announcement to everyone in the cycle, sent at once. */
  private void announce(int week) {
    MessagingClient messaging = s.messaging();
    if (messaging == null) {
      err.println("demo: no --messaging: no announcement");
      return;
    }
    String key = "demo-" + s.cycleId().replaceAll("[^A-Za-z0-9_-]", "-");
    JsonNode scheduled =
        messaging.announce(
            s.cycleId(),
            key.length() > 100 ? key.substring(0, 100) : key,
            "Week " + (week + 1) + " of " + s.cycleName(),
            "Thank you for taking part in **"
                + s.cycleName()
                + "**. Your partner is waiting for your next letter: this week's prompt is in"
                + " your inbox.\n\nThe programme team");
    String id = scheduled.path("id").asString();
    err.printf("demo: announcement %s scheduled to segment ALL; waiting until it is sent...%n", id);
    JsonNode[] last = {scheduled};
    boolean sent =
        poll(
            "announcement " + id + " to be sent",
            () -> {
              last[0] = messaging.announcement(s.cycleId(), id);
              return "SENT".equals(last[0].path("status").asString(""));
            });
    announcement = last[0];
    announcedInWeek = week;
    if (sent) {
      int recipients = last[0].path("sent").asInt();
      await(
          recipients + " announcement mails",
          () -> s.programme().mailsSent("ANNOUNCEMENT") >= recipients);
    }
  }

  // ------------------------------------------------------------------------ withdrawals

  /**
   * A few partners withdraw (each from a partnership of two, their partners chosen two by two so
   * that matching may pair them with each other); matching dissolves their partnerships, tells
   * their partners and re-pairs them at once (the cycle's {@code afterPublication: AUTOMATIC}).
   */
  private void withdrawMidCycle(int week) {
    List<ProgrammeEvents.Formed> pairs = freePairs();
    int wanted = Scale.midCycleWithdrawals(pairs.size());
    List<List<ProgrammeEvents.Formed>> couples =
        Couples.pick(
            pairs.subList(0, Math.min(pairs.size(), 60)),
            wanted / 2,
            (a, b) -> mayPair(a.members().get(1), b.members().get(1)));
    withdrewInWeek = week;
    if (couples.isEmpty()) {
      err.printf("demo: week %d: no partnerships to withdraw from%n", week);
      return;
    }
    List<ProgrammeEvents.Formed> left = couples.stream().flatMap(List::stream).toList();
    err.printf(
        "demo: week %d: %d partners withdraw; waiting for their partners to be re-paired...%n",
        week, left.size());
    for (ProgrammeEvents.Formed p : left) {
      String leaving = p.members().get(0);
      involved.addAll(p.members());
      s.registration().withdraw(token(leaving), "demo: withdrew mid-cycle");
      withdrew.add(leaving);
    }
    afterDissolutions(
        left.stream().map(ProgrammeEvents.Formed::id).toList(),
        left.stream().map(p -> p.members().get(1)).toList(),
        "WITHDRAWAL");
  }

  /**
   * After matching dissolved {@code partnerships}: waits for each of {@code waiting} to be
   * re-paired (or waitlisted by matching when nobody fits), for prompt-service to have handled the
   * dissolutions (before the clock moves on, so a dissolved partnership is sent nothing more), and
   * for the mails they owe.
   */
  private void afterDissolutions(List<String> partnerships, List<String> waiting, String reason) {
    ProgrammeEvents programme = s.programme();
    if (!await(
        partnerships.size() + " partnerships dissolved (" + reason + ")",
        () -> programme.dissolved().keySet().containsAll(partnerships))) {
      return;
    }
    await(
        waiting.size() + " people re-paired (or waitlisted by matching if nobody fits)",
        () ->
            waiting.stream()
                .allMatch(
                    r -> {
                      ProgrammeEvents.Formed now = programme.activeOf(r, partnerships);
                      return (now != null && programme.planned(now.id()))
                          || programme.waitlistedByMatching(r);
                    }));
    for (String r : waiting) {
      ProgrammeEvents.Formed now = programme.activeOf(r, partnerships);
      if (now != null) {
        rePaired.put(r, now.id());
        involved.addAll(now.members());
      } else if (programme.waitlistedByMatching(r)) {
        waitlistedAfter.add(r);
      }
    }
    var dissolved = programme.dissolved();
    List<ConsumerProgress.Position> positions =
        partnerships.stream().map(id -> dissolved.get(id).position()).toList();
    err.printf("demo: waiting for prompt-service to handle the dissolutions...%n");
    if (!s.progress().awaitHandled(PROMPT_SERVICE, positions, Instant.now().plus(s.timeout()))) {
      shortfalls.add("prompt-service handling " + positions.size() + " dissolutions");
    }
    awaitMails();
  }

  // --------------------------------------------------------------------- quiet partners

  /**
   * Some participants report their partner quiet (each from a partnership of their own): the
   * partner is reminded by mail; some of them answer by writing to the reporter, the others stay
   * silent until the grace period is over ({@link #settleReportsIfDue}).
   */
  private void reportQuietPartners(int week) {
    List<ProgrammeEvents.Formed> pairs = freePairs();
    Scale.QuietReports wanted = Scale.quietReports(pairs.size());
    reportedInWeek = week;
    if (wanted.total() == 0) {
      err.printf("demo: week %d: no partnerships to report quiet%n", week);
      return;
    }
    // the unanswered reporters will need a new partner: two by two, each couple able to pair
    List<ProgrammeEvents.Formed> unanswered = new ArrayList<>();
    if (wanted.unanswered() == 1) {
      unanswered.add(pairs.get(0));
    } else {
      Couples.pick(
              pairs.subList(0, Math.min(pairs.size(), 60)),
              wanted.unanswered() / 2,
              (a, b) -> mayPair(a.members().get(0), b.members().get(0)))
          .forEach(unanswered::addAll);
    }
    List<ProgrammeEvents.Formed> answered =
        pairs.stream().filter(p -> !unanswered.contains(p)).limit(wanted.answered()).toList();
    err.printf(
        "demo: week %d: %d participants report a quiet partner...%n",
        week, unanswered.size() + answered.size());
    for (ProgrammeEvents.Formed p : answered) {
      report(p, true);
    }
    for (ProgrammeEvents.Formed p : unanswered) {
      report(p, false);
    }
    ProgrammeEvents programme = s.programme();
    Set<String> reportIds = new HashSet<>(reports.stream().map(Report::reportId).toList());
    await(
        reports.size() + " reminders (PartnerReminded)",
        () -> programme.reminders().keySet().containsAll(reportIds));
    awaitMails();

    // some quiet partners answer, by writing to the reporter
    MessagingClient messaging = s.messaging();
    List<Report> toAnswer = reports.stream().filter(Report::answered).toList();
    if (messaging == null && !toAnswer.isEmpty()) {
      err.println("demo: no --messaging: nobody answers");
      return;
    }
    for (Report r : toAnswer) {
      messaging.write(
          token(r.silent()), r.partnershipId(), "Sorry for the silence! My letter is on its way.");
    }
    Set<String> answeredPartnerships =
        new HashSet<>(toAnswer.stream().map(Report::partnershipId).toList());
    if (await(
        toAnswer.size() + " partners' messages (PartnerMessagePosted)",
        () ->
            programme.messages().values().stream()
                .map(ProgrammeEvents.Message::partnershipId)
                .toList()
                .containsAll(answeredPartnerships))) {
      List<ConsumerProgress.Position> positions =
          programme.messages().values().stream()
              .filter(m -> answeredPartnerships.contains(m.partnershipId()))
              .map(ProgrammeEvents.Message::position)
              .toList();
      err.printf("demo: waiting for prompt-service to count the answers...%n");
      if (!s.progress().awaitHandled(PROMPT_SERVICE, positions, Instant.now().plus(s.timeout()))) {
        shortfalls.add("prompt-service handling " + positions.size() + " partners' messages");
      }
    }
    awaitMails();
  }

  private void report(ProgrammeEvents.Formed p, boolean answered) {
    String reporter = p.members().get(0);
    String silent = p.members().get(1);
    involved.addAll(p.members());
    JsonNode report = s.prompts().reportQuiet(token(reporter), "demo: no letter for a while");
    Instant by = Instant.parse(report.path("answerBy").asString());
    answerBy = answerBy == null || by.isAfter(answerBy) ? by : answerBy;
    reports.add(
        new Report(p.id(), reporter, silent, answered, report.path("reportId").asString(), null));
  }

  /**
   * Once the programme clock is past every report's grace period: the answered reports are {@code
   * RESOLVED}, the others {@code FLAGGED}; their reporters ask matching for a new partner, which
   * dissolves their partnerships (the silent partners are told) and re-pairs them at once (the
   * cycle's {@code quietRematch: AUTOMATIC}).
   */
  private void settleReportsIfDue() {
    Instant by = answerBy;
    if (reportsSettled || by == null || !s.prompts().demoNow().isAfter(by)) {
      return;
    }
    reportsSettled = true;
    err.printf(
        "demo: the grace period (until %s) is over; waiting for %d reports' outcomes...%n",
        by, reports.size());
    for (int i = 0; i < reports.size(); i++) {
      Report r = reports.get(i);
      String[] status = {""};
      poll(
          "the outcome of " + r.reportId(),
          () -> {
            status[0] = s.prompts().myReport(token(r.reporter())).path("status").asString("");
            return status[0].equals("RESOLVED") || status[0].equals("FLAGGED");
          });
      reports.set(i, r.withOutcome(status[0]));
      String wanted = r.answered() ? "RESOLVED" : "FLAGGED";
      if (!status[0].equals(wanted)) {
        shortfalls.add("report " + r.reportId() + " is " + status[0] + ", expected " + wanted);
      }
    }
    List<Report> flagged = reports.stream().filter(r -> "FLAGGED".equals(r.outcome())).toList();
    if (flagged.isEmpty()) {
      return;
    }
    Set<String> flaggedIds = new HashSet<>(flagged.stream().map(Report::reportId).toList());
    await(
        flagged.size() + " quiet partnerships flagged (PartnershipQuiet REPORTED)",
        () -> s.programme().flaggedReports().containsAll(flaggedIds));
    err.printf("demo: %d reporters ask for a new partner...%n", flagged.size());
    for (Report r : flagged) {
      int[] status = {0};
      // matching learns of the flag from prompt-service's event: until then it answers 409
      poll(
          "matching to accept " + r.reporter() + "'s request for a new partner",
          () -> {
            var response = s.matching().askForNewPartner(token(r.reporter()));
            status[0] = response.statusCode();
            if (status[0] != 200 && status[0] != 201 && status[0] != 409) {
              throw new CommandFailed(
                  "asking for a new partner answered HTTP " + status[0] + " " + response.body());
            }
            return status[0] != 409;
          });
    }
    afterDissolutions(
        flagged.stream().map(Report::partnershipId).toList(),
        flagged.stream().map(Report::reporter).toList(),
        "QUIET");
  }

  // ------------------------------------------------------------------------- completion

  /**
   * Moves the clock past the end of the last week everywhere: prompt-service tells the programme
   * ended, registration completes the cycle, matching completes its partnerships, and messaging
   * tells everyone.
   */
  private void complete() {
    ProgrammeEvents programme = s.programme();
    Instant end = s.cycle().programmeEndsAt().plus(Duration.ofHours(1));
    if (at.isBefore(end)) {
      at = end;
      s.prompts().moveTo(at);
    }
    err.printf(
        "demo: the clock is past the last week (%s); waiting for the cycle to complete...%n", at);
    await(
        "the cycle RUNNING and COMPLETED (registration's events)",
        () -> programme.runningAt() != null && programme.completedAt() != null);
    String[] status = {""};
    poll(
        "registration to show the cycle COMPLETED",
        () -> {
          status[0] = s.registration().cycle(s.cycleId(), s.staffToken()).path("status").asString();
          return "COMPLETED".equals(status[0]);
        });
    await(
        "every partnership completed (PartnershipCompleted)",
        () -> programme.active().isEmpty() && !programme.completed().isEmpty());
    finalStatus = status[0];
    awaitMails();
  }

  // -------------------------------------------------------------------------------- mails

  /**
   * The mails the cycle owes so far, by kind, from what happened (the events and the demo's own
   * doings). The counts on Kafka must reach them; the inbox must then hold exactly the counts on
   * Kafka.
   */
  private Map<String, Integer> expectedMails() {
    ProgrammeEvents programme = s.programme();
    ParticipantEvents participants = s.participants();
    Set<String> withdrawn = participants.withdrawnIds();
    Map<String, Integer> expected = new TreeMap<>(programme.introductionsExpected());
    expected.put("VERIFICATION", s.accepted());
    long admitted = participants.admittedByRoute().values().stream().mapToLong(n -> n).sum();
    expected.put("ADMITTED", (int) admitted);
    expected.put("WAITLISTED", (int) s.waitlistedByRegistration() + programme.waitlistings());
    int partnerLeft = 0;
    int dissolvedMails = 0;
    for (ProgrammeEvents.Dissolved d : programme.dissolved().values()) {
      if (d.reason().equals("WITHDRAWAL") || d.reason().equals("ERASURE")) {
        partnerLeft += (int) d.remaining().stream().filter(m -> !withdrawn.contains(m)).count();
      } else if (d.reason().equals("QUIET")) {
        dissolvedMails += d.leaving().size();
      }
    }
    expected.put("PARTNER_LEFT", partnerLeft);
    expected.put("PARTNERSHIP_DISSOLVED", dissolvedMails);
    expected.put(
        "REMINDER",
        programme.reminders().values().stream().mapToInt(r -> r.reminded().size()).sum());
    expected.put("PARTNER_MESSAGE", programme.messages().size());
    if (announcement != null) {
      expected.put("ANNOUNCEMENT", announcement.path("sent").asInt());
    }
    if (programme.completedAt() != null) {
      Set<String> partnered = new HashSet<>();
      programme.completed().values().forEach(partnered::addAll);
      expected.put("PARTNERSHIP_ENDED", partnered.size());
      Set<String> told = new HashSet<>(participants.verifiedIds());
      told.removeAll(withdrawn);
      told.removeAll(partnered);
      expected.put("CYCLE_COMPLETED", told.size());
    }
    expected.values().removeIf(n -> n == 0);
    return expected;
  }

  /** Waits until the mails of every kind on Kafka reach what the cycle owes so far. */
  private boolean awaitMails() {
    ProgrammeEvents programme = s.programme();
    return await(
        "the mails owed so far " + expectedMails(),
        () ->
            expectedMails().entrySet().stream()
                .allMatch(e -> programme.mailsSent(e.getKey()) >= e.getValue()));
  }

  /** Prints one line per life event and the inbox comparison; true if nothing fell short. */
  private boolean finish() {
    awaitMails();
    ProgrammeEvents programme = s.programme();
    Map<String, Integer> expected = expectedMails();
    Map<String, Integer> sent = programme.mailsByKind();
    Set<String> withdrawn = s.participants().withdrawnIds();
    Map<String, Long> routes = s.participants().admittedByRoute();
    long matchingWaitlisted = programme.waitlistings();
    line(
        "verification",
        "VERIFICATION",
        "one per applicant, with the link that confirmed their email");
    line(
        "waitlisted",
        "WAITLISTED",
        String.format(
            Locale.ROOT,
            "by registration (over the country cap): %d, by matching (nobody to pair them with):"
                + " %d",
            s.waitlistedByRegistration(),
            matchingWaitlisted));
    line(
        "admitted",
        "ADMITTED",
        String.format(
            Locale.ROOT,
            "by a freed place (FREED_PLACE): %d, by staff (STAFF): %d",
            routes.getOrDefault("FREED_PLACE", 0L),
            routes.getOrDefault("STAFF", 0L)));
    line("introduction", "INTRODUCTION", "one per member of a first partnership in the cycle");
    JsonNode a = announcement;
    line(
        "announcement",
        "ANNOUNCEMENT",
        a == null
            ? "none sent"
            : String.format(
                Locale.ROOT,
                "one announcement to segment ALL after week %d: recipients %d, mails made %d",
                announcedInWeek,
                a.path("recipients").asInt(),
                a.path("sent").asInt()));
    int repairedAfterWithdrawal =
        (int)
            rePaired.keySet().stream()
                .filter(r -> reports.stream().noneMatch(rep -> rep.reporter().equals(r)))
                .count();
    line(
        "partner left",
        "PARTNER_LEFT",
        String.format(
            Locale.ROOT,
            "participants who withdrew after week %d: %d; their partners re-paired: %d, waitlisted"
                + " by matching: %d",
            withdrewInWeek,
            withdrew.size(),
            repairedAfterWithdrawal,
            waitlistedAfter.stream()
                .filter(r -> reports.stream().noneMatch(rep -> rep.reporter().equals(r)))
                .count()));
    line(
        "new partner",
        "NEW_PARTNER",
        String.format(
            Locale.ROOT,
            "members of later partnerships who had a partner before: %d (re-paired after a"
                + " withdrawal: %d, after a quiet partner: %d)",
            expected.getOrDefault("NEW_PARTNER", 0),
            repairedAfterWithdrawal,
            rePaired.size() - repairedAfterWithdrawal));
    long resolved = reports.stream().filter(r -> "RESOLVED".equals(r.outcome())).count();
    long flagged = reports.stream().filter(r -> "FLAGGED".equals(r.outcome())).count();
    line(
        "reminder",
        "REMINDER",
        String.format(
            Locale.ROOT,
            "reports of a quiet partner after week %d: %d; answered by the partner (RESOLVED): %d,"
                + " unanswered (FLAGGED): %d",
            reportedInWeek,
            reports.size(),
            resolved,
            flagged));
    line(
        "partner message",
        "PARTNER_MESSAGE",
        "one to each reporter whose quiet partner wrote to them");
    line(
        "dissolved",
        "PARTNERSHIP_DISSOLVED",
        String.format(
            Locale.ROOT,
            "reporters who asked for a new partner: %d, their silent partners told (reporters"
                + " re-paired: %d, waitlisted by matching: %d)",
            flagged,
            rePaired.size() - repairedAfterWithdrawal,
            waitlistedAfter.stream()
                .filter(r -> reports.stream().anyMatch(rep -> rep.reporter().equals(r)))
                .count()));
    line("prompt", "PROMPT", "one per PromptDue");
    line(
        "ended",
        "PARTNERSHIP_ENDED",
        String.format(
            Locale.ROOT,
            "partnerships completed with the cycle: %d, each member asked for the final survey",
            programme.completed().size()));
    line(
        "completed",
        "CYCLE_COMPLETED",
        "everyone still in the cycle without a partnership at its end");
    for (var e : sent.entrySet()) {
      if (!lines.containsKey(e.getKey())) {
        line(e.getKey().toLowerCase(Locale.ROOT), e.getKey(), "");
      }
    }
    out.println("Life events: the cycle's mails by kind (MailSent on Kafka)");
    lines.values().forEach(out::println);
    expected.forEach(
        (kind, n) -> {
          if (sent.getOrDefault(kind, 0) < n) {
            shortfalls.add(kind + " mails " + sent.getOrDefault(kind, 0) + " of " + n);
          }
        });
    programme.failedByKind().forEach((kind, n) -> shortfalls.add(n + " " + kind + " mails failed"));
    if (!withdrawn.containsAll(withdrew)) {
      shortfalls.add("withdrawals on Kafka");
    }
    compareWithInbox();
    if (!shortfalls.isEmpty()) {
      out.println("FAILED: " + String.join("; ", shortfalls));
      return false;
    }
    return true;
  }

  private void line(String label, String kind, String detail) {
    int n = s.programme().mailsSent(kind);
    lines.put(
        kind,
        String.format(
            Locale.ROOT,
            "  %-15s %6d %s mails%s",
            label,
            n,
            kind,
            detail.isEmpty() ? "" : ": " + detail));
  }

  /** Each kind's count on Kafka against what the kind gained in the inbox since the start. */
  private void compareWithInbox() {
    InboxClient inbox = s.inbox();
    Map<String, Integer> before = s.inboxBefore();
    if (inbox == null || before == null) {
      out.println("  inbox         not compared (no --inbox)");
      return;
    }
    err.println("demo: waiting for the local inbox to hold every mail counted on Kafka...");
    InboxCheck[] check = {new InboxCheck(Map.of(), before, before)};
    poll(
        "the inbox to agree with Kafka",
        () -> {
          check[0] = new InboxCheck(s.programme().mailsByKind(), before, inbox.countByKind());
          return check[0].agrees();
        },
        Duration.ofSeconds(1));
    if (check[0].agrees()) {
      out.printf(
          "  inbox         each of the %d kinds above is the count of that kind the local inbox"
              + " received since the demo started (%d mails)%n",
          check[0].counted().size(), check[0].added().values().stream().mapToInt(n -> n).sum());
    } else {
      out.println("  inbox         DIFFERS: " + String.join("; ", check[0].differences()));
      shortfalls.add("the inbox differs: " + String.join("; ", check[0].differences()));
    }
  }

  // ------------------------------------------------------------------------------ helpers

  /** Active partnerships of two from the first matching that nothing in the demo touched yet. */
  private List<ProgrammeEvents.Formed> freePairs() {
    Set<String> withdrawn = s.participants().withdrawnIds();
    return s.programme().active().stream()
        .filter(p -> p.members().size() == 2 && p.origin().equals("INITIAL"))
        .filter(
            p -> p.members().stream().noneMatch(m -> involved.contains(m) || withdrawn.contains(m)))
        .toList();
  }

  /**
   * Whether matching could pair two participants: a quick look at their applications (different
   * countries, a language both write in, no country to avoid), then matching's own hard rules
   * (which also know who were partners before).
   */
  private boolean mayPair(String first, String second) {
    SyntheticApplicant a = s.applicants().get(first);
    SyntheticApplicant b = s.applicants().get(second);
    if (a == null || b == null || a.countryCode().equals(b.countryCode())) {
      return false;
    }
    Set<String> writes =
        new HashSet<>(
            a.languages().stream()
                .filter(LanguageSkill::correspondence)
                .map(LanguageSkill::code)
                .toList());
    boolean shared =
        b.languages().stream()
            .filter(LanguageSkill::correspondence)
            .anyMatch(l -> writes.contains(l.code()));
    if (!shared
        || a.preferences().avoidCountries().contains(b.countryCode())
        || b.preferences().avoidCountries().contains(a.countryCode())) {
      return false;
    }
    return s.matching().violations(s.cycleId(), first, second).isEmpty();
  }

  /** A participant token, as the portal mints one for a signed-in participant. */
  private String token(String participantId) {
    return s.tokens().mint(participantId, List.of(Role.PARTICIPANT), Duration.ofHours(1));
  }

  /** Waits for events: says what, gives up after the timeout and records the shortfall. */
  private boolean await(String what, BooleanSupplier condition) {
    if (condition.getAsBoolean()) {
      return true;
    }
    err.printf("demo: waiting for %s (at most %s)...%n", what, s.timeout());
    boolean held = s.programme().awaitUntil(condition, Instant.now().plus(s.timeout()));
    if (!held) {
      shortfalls.add(what);
    }
    return held;
  }

  private boolean poll(String what, BooleanSupplier condition) {
    return poll(what, condition, Duration.ofMillis(250));
  }

  /** Waits for a service's answer, asking every {@code every}; like {@link #await}. */
  private boolean poll(String what, BooleanSupplier condition, Duration every) {
    if (condition.getAsBoolean()) {
      return true;
    }
    err.printf("demo: waiting for %s (at most %s)...%n", what, s.timeout());
    Instant deadline = Instant.now().plus(s.timeout());
    while (Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(every.toMillis()); // polling a service: nothing to wait on here
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (condition.getAsBoolean()) {
        return true;
      }
    }
    shortfalls.add(what);
    return false;
  }
}
