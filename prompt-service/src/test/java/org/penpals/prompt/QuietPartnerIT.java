package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.prompt.support.Upstream.member;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.messaging.MailFailed;
import org.penpals.contracts.messaging.MailSent;
import org.penpals.contracts.prompts.PartnerReminded;
import org.penpals.contracts.prompts.PartnershipQuiet;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.prompt.schedule.domain.Cadence;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;
import org.penpals.prompt.support.Programme;
import org.penpals.prompt.support.Upstream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * "My partner has gone quiet" for real: the partner is reminded (at most once a week per
 * partnership), messaging's mail outcome is recorded on the report, and the reporter and staff see
 * what happened, with dates.
 */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuietPartnerIT {
  static final String REPORT = "/api/prompts/participants/me/report-quiet";

  @Autowired ApplicationContext context;
  @LocalServerPort int port;
  Programme programme;
  Api api;
  final Upstream upstream = new Upstream();
  final String coordinator = TestTokens.staff(Role.COORDINATOR);

  @BeforeAll
  void programme() {
    programme = new Programme(context);
  }

  @BeforeEach
  void api() {
    api = new Api(port);
  }

  @AfterAll
  void close() {
    upstream.close();
  }

  /** A partnership of a fresh cycle, just after its first prompt reached both members. */
  PartnershipFormed underWay(PartnershipMember a, PartnershipMember b) {
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipFormed p;
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      p = upstream.formed(cycleId, programme.now(), a, b);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);
    }
    ProgrammeCalendar calendar =
        new ProgrammeCalendar(start, 17, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
    programme.moveTo(calendar.dueAt(1, ZoneId.of("Pacific/Honolulu")).plusSeconds(60));
    return p;
  }

  static String token(PartnershipMember m) {
    return TestTokens.participant(m.participantId());
  }

  JsonNode staffView(PartnershipFormed p) {
    return api.get("/api/prompts/partnerships/" + p.partnershipId(), coordinator).json();
  }

  @Test
  void shouldRemindTheQuietPartnerAndTellTheReporterWhenTheReminderWasSent() {
    // given a partnership under way, and no report yet
    PartnershipMember reporter = member("Europe/Madrid", "es");
    PartnershipMember quiet = member("Pacific/Honolulu", "en");
    PartnershipFormed p = underWay(reporter, quiet);
    ApiGuardsIT.assertProblem(api.get(REPORT, token(reporter)), 404, null);

    try (TopicReader engagement = TopicReader.fromNow(Topics.PROMPT_ENGAGEMENT)) {
      // when the reporter says their partner has gone quiet
      Api.Response posted =
          api.post(REPORT, "{\"note\": \"No reply since week 1\"}", token(reporter));

      // then the report is recorded and a reminder is on its way
      assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
      JsonNode report = posted.json();
      assertThat(report.get("status").asString()).isEqualTo("OPEN");
      Instant reportedAt = Instant.parse(report.get("reportedAt").asString());
      assertThat(reportedAt).isEqualTo(programme.now());
      assertThat(report.get("answerBy").asString()).isEqualTo(report.get("checkAt").asString());
      assertThat(Instant.parse(report.get("checkAt").asString()))
          .isEqualTo(reportedAt.plus(Duration.ofDays(7)));
      JsonNode reminder = report.get("reminder");
      assertThat(reminder.get("status").asString()).isEqualTo("QUEUED");
      assertThat(Instant.parse(reminder.get("requestedAt").asString())).isEqualTo(reportedAt);
      assertThat(reminder.get("sentAt").isNull()).isTrue();
      assertThat(reminder.get("failedAt").isNull()).isTrue();
      assertThat(reminder.get("previousReminderAt").isNull()).isTrue();

      // and messaging is asked to remind the quiet partner, in the same write
      PartnerReminded reminded =
          engagement
              .await(TopicReader.event(PromptEvents.PARTNER_REMINDED.type(), p.partnershipId()), 1)
              .get(0)
              .as(PartnerReminded.class);
      assertThat(reminded.reportId()).isEqualTo(report.get("reportId").asString());
      assertThat(reminded.reportedBy()).isEqualTo(reporter.participantId());
      assertThat(reminded.reminded()).containsExactly(quiet.participantId());
      assertThat(reminded.answerBy()).isEqualTo(Instant.parse(report.get("checkAt").asString()));
      assertThat(reminded.remindedAt()).isEqualTo(reportedAt);
      assertThat(reminded.cycleId()).isEqualTo(p.cycleId());

      // when messaging tells that the reminder mail went out (twice, as a replay would), and
      // that some other mail of the partnership went out
      Instant sentAt = reportedAt.plusSeconds(30);
      MailSent sent =
          new MailSent(
              "mail-" + UUID.randomUUID(),
              "REMINDER",
              quiet.participantId(),
              p.cycleId(),
              p.partnershipId(),
              sentAt);
      upstream.send(sent);
      upstream.send(sent);
      upstream.send(
          new MailSent(
              "mail-" + UUID.randomUUID(),
              "PROMPT",
              quiet.participantId(),
              p.cycleId(),
              p.partnershipId(),
              sentAt.plusSeconds(60)));

      // then the reporter sees when their partner was reminded
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          api.get(REPORT, token(reporter))
                              .json()
                              .get("reminder")
                              .get("status")
                              .asString())
                      .isEqualTo("SENT"));
      JsonNode seen = api.get(REPORT, token(reporter)).json();
      assertThat(Instant.parse(seen.get("reminder").get("sentAt").asString())).isEqualTo(sentAt);
      assertThat(seen.get("reportId").asString()).isEqualTo(report.get("reportId").asString());

      // and staff see the report, whom it reminded and the mail, in both views
      JsonNode staff = staffView(p).get("reports");
      assertThat(staff.size()).isEqualTo(1);
      assertThat(staff.get(0).get("by").asString()).isEqualTo(reporter.participantId());
      assertThat(staff.get(0).get("note").asString()).isEqualTo("No reply since week 1");
      assertThat(staff.get(0).get("status").asString()).isEqualTo("OPEN");
      JsonNode staffReminder = staff.get(0).get("reminder");
      assertThat(staffReminder.get("status").asString()).isEqualTo("SENT");
      assertThat(staffReminder.get("reminded").get(0).asString()).isEqualTo(quiet.participantId());
      assertThat(staffReminder.get("mails").size()).as("a replay is one mail").isEqualTo(1);
      assertThat(staffReminder.get("mails").get(0).get("mailId").asString())
          .isEqualTo(sent.mailId());
      JsonNode listed =
          api.get("/api/prompts/cycles/" + p.cycleId() + "/quiet", coordinator).json();
      assertThat(listed.size()).isEqualTo(1);
      assertThat(listed.get(0).get("partnershipId").asString()).isEqualTo(p.partnershipId());
      assertThat(listed.get(0).get("flags").size()).isZero();
      assertThat(listed.get(0).get("reports").get(0).get("reminder").get("status").asString())
          .isEqualTo("SENT");
    }
  }

  @Test
  void shouldRecordASecondReportWithinAWeekWithoutASecondReminderAndFlagWhatWentUnanswered() {
    // given a partnership whose first member reported the other, who was reminded
    PartnershipMember ana = member("America/Bogota", "es");
    PartnershipMember ben = member("Pacific/Honolulu", "en");
    PartnershipFormed p = underWay(ana, ben);
    try (TopicReader engagement = TopicReader.fromNow(Topics.PROMPT_ENGAGEMENT)) {
      JsonNode first = api.post(REPORT, null, token(ana)).json();
      Instant firstReminder = Instant.parse(first.get("reminder").get("requestedAt").asString());
      engagement.await(
          TopicReader.event(PromptEvents.PARTNER_REMINDED.type(), p.partnershipId()), 1);

      // when the same member presses again, and three days later the other member reports too
      Api.Response again = api.post(REPORT, null, token(ana));
      programme.advance(Duration.ofDays(3));
      Api.Response second = api.post(REPORT, "{\"note\": \"  \"}", token(ben));

      // then the first gets their open report back, and the second is recorded without a reminder
      assertThat(again.status()).isEqualTo(202);
      assertThat(again.json().get("reportId").asString())
          .isEqualTo(first.get("reportId").asString());
      assertThat(second.status()).as(second.toString()).isEqualTo(202);
      JsonNode skipped = second.json().get("reminder");
      assertThat(skipped.get("status").asString()).isEqualTo("NOT_SENT_RECENTLY");
      assertThat(skipped.get("requestedAt").isNull()).isTrue();
      assertThat(Instant.parse(skipped.get("previousReminderAt").asString()))
          .isEqualTo(firstReminder);
      assertThat(engagement.drain(Duration.ofSeconds(1)))
          .filteredOn(TopicReader.event(PromptEvents.PARTNER_REMINDED.type(), p.partnershipId()))
          .hasSize(1);
      assertThat(staffView(p).get("reports").size()).isEqualTo(2);

      // when the first report's grace period ends with nobody answering
      programme.advance(Duration.ofDays(4).plusMinutes(2));

      // then the partnership is flagged, naming the report and its reporter
      PartnershipQuiet quiet =
          engagement
              .await(TopicReader.event(PromptEvents.PARTNERSHIP_QUIET.type(), p.partnershipId()), 1)
              .get(0)
              .as(PartnershipQuiet.class);
      assertThat(quiet.reason()).isEqualTo("REPORTED");
      assertThat(quiet.reportId()).isEqualTo(first.get("reportId").asString());
      assertThat(quiet.reportedBy()).isEqualTo(ana.participantId());
      assertThat(api.get(REPORT, token(ana)).json().get("status").asString()).isEqualTo("FLAGGED");

      // and a report a week after the reminder reminds again
      JsonNode later = api.post(REPORT, null, token(ana)).json();
      assertThat(later.get("reminder").get("status").asString()).isEqualTo("QUEUED");
      engagement.await(
          TopicReader.event(PromptEvents.PARTNER_REMINDED.type(), p.partnershipId()), 2);
    }
  }

  @Test
  void shouldTellTheReporterWhenTheReminderCouldNotBeDelivered() {
    PartnershipMember chloe = member("Europe/Paris", "fr");
    PartnershipMember dev = member("Pacific/Honolulu", "en");
    PartnershipFormed p = underWay(chloe, dev);
    JsonNode report = api.post(REPORT, null, TestTokens.participant(chloe.participantId())).json();

    upstream.send(
        new MailFailed(
            "mail-" + UUID.randomUUID(),
            "REMINDER",
            dev.participantId(),
            p.cycleId(),
            p.partnershipId(),
            "550 mailbox unavailable",
            Instant.parse(report.get("reportedAt").asString()).plusSeconds(10)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        api.get(REPORT, token(chloe))
                            .json()
                            .get("reminder")
                            .get("status")
                            .asString())
                    .isEqualTo("FAILED"));
    JsonNode reminder = api.get(REPORT, token(chloe)).json().get("reminder");
    assertThat(reminder.get("sentAt").isNull()).isTrue();
    assertThat(Instant.parse(reminder.get("failedAt").asString()))
        .isEqualTo(Instant.parse(report.get("reportedAt").asString()).plusSeconds(10));
    JsonNode mail = staffView(p).get("reports").get(0).get("reminder").get("mails").get(0);
    assertThat(mail.get("status").asString()).isEqualTo("FAILED");
    assertThat(mail.get("reason").asString()).isEqualTo("550 mailbox unavailable");
  }

  @Test
  void shouldRefuseReportsOutsideAPartnershipAndBadNotesWritingNothing() {
    // someone in no partnership
    String stranger = TestTokens.participant("p-" + UUID.randomUUID());
    ApiGuardsIT.assertProblem(api.post(REPORT, null, stranger), 404, null);
    ApiGuardsIT.assertProblem(api.get(REPORT, stranger), 404, null);

    // a note too long
    PartnershipMember eve = member("Europe/Rome", "en");
    PartnershipMember fay = member("Pacific/Honolulu", "en");
    PartnershipFormed p = underWay(eve, fay);
    try (TopicReader engagement = TopicReader.fromNow(Topics.PROMPT_ENGAGEMENT)) {
      ApiGuardsIT.assertProblem(
          api.post(REPORT, "{\"note\": \"" + "x".repeat(1001) + "\"}", token(eve)), 400, "note");
      ApiGuardsIT.assertProblem(api.post(REPORT, "{\"note\": 42}", token(eve)), 400, "note");

      // a partnership that was dissolved
      upstream.dissolved(p, "WITHDRAWAL", Instant.now());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "DISSOLVED".equals(staffView(p).get("status").asString()));
      ApiGuardsIT.assertProblem(api.post(REPORT, null, token(fay)), 409, null);

      // staff tokens have no "me"
      assertThat(api.get(REPORT, coordinator).status()).isEqualTo(403);

      // nothing was written
      ApiGuardsIT.assertProblem(api.get(REPORT, token(eve)), 404, null);
      assertThat(staffView(p).get("reports").size()).isZero();
      assertThat(engagement.drain(Duration.ofMillis(500)))
          .filteredOn(TopicReader.event(PromptEvents.PARTNER_REMINDED.type(), p.partnershipId()))
          .isEmpty();
      assertThat(
              api.get("/api/prompts/cycles/" + p.cycleId() + "/quiet", coordinator).json().size())
          .isZero();
    }
  }
}
