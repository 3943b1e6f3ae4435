package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.portal.support.FakeServices.ALICE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.penpals.portal.services.Matching.RequestStatus;
import org.penpals.portal.services.Messaging.NoticeKind;
import org.penpals.portal.services.Prompts;
import org.penpals.portal.services.Prompts.Reminder;
import org.penpals.portal.services.Prompts.ReminderStatus;
import org.penpals.portal.services.Prompts.ReportStatus;
import org.penpals.portal.services.Registration.CycleStatus;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "My partner has gone quiet", told truthfully (ADR 0012 §3, §6): the section shows the report as
 * prompt-service answers it (what became of the reminder, with its date), and once flagged the
 * request for a new partner as matching answers it. Each statement shows in the state that backs
 * it, and in no other.
 */
@PortalWebTest
class QuietPartnerTest {
  private static final Instant APRIL_2 = Instant.parse("2027-04-02T09:00:00Z");
  private static final Instant MARCH_29 = Instant.parse("2027-03-29T09:00:00Z");
  private static final Instant ANSWER_BY = Instant.parse("2027-04-09T09:00:00Z");

  private static final String EMAILED = "We emailed your partner a reminder on";
  private static final String ON_ITS_WAY = "A reminder to your partner is on its way.";
  private static final String ALREADY = "We already reminded your partner on";
  private static final String UNREACHABLE = "We could not reach your partner by email.";
  private static final String ASK_AFTER = "If they have not answered by";
  private static final String ANSWERED = "Your partner has answered.";
  private static final String DID_NOT_ANSWER = "Your partner did not answer by";
  private static final String ASK_BUTTON = "Ask for a new partner";
  private static final String AWAITING = "A coordinator will look at your request.";
  private static final String SEEKING =
      "We are finding you a new partner; we will email you an introduction.";
  private static final String DECLINED = "A coordinator decided to keep your partnership.";
  private static final String CLOSED = "Your partnership has ended, so your report is closed.";
  private static final String REFUSED = "We could not take your request for a new partner.";
  private static final List<String> EVERY_STATEMENT =
      List.of(
          EMAILED,
          ON_ITS_WAY,
          ALREADY,
          UNREACHABLE,
          ASK_AFTER,
          ANSWERED,
          DID_NOT_ANSWER,
          ASK_BUTTON,
          AWAITING,
          SEEKING,
          DECLINED,
          CLOSED,
          REFUSED);

  @LocalServerPort int port;
  @Autowired FakeServices services;
  Browser alice;

  @BeforeEach
  void signIn() {
    services.reset();
    alice = new Browser(port);
    alice.signIn("alice-link");
  }

  private Document home() {
    return alice.open("/home").html();
  }

  private String quiet() {
    return home().select("#quiet").text();
  }

  /** Only these statements, of all the section can make, are on the page. */
  private static void saysOnly(String section, String... statements) {
    List<String> expected = List.of(statements);
    for (String statement : EVERY_STATEMENT) {
      if (expected.stream().anyMatch(e -> e.startsWith(statement) || statement.startsWith(e))) {
        assertThat(section).as(statement).contains(statement);
      } else {
        assertThat(section).as("not: " + statement).doesNotContain(statement);
      }
    }
  }

  private static Reminder reminder(ReminderStatus status) {
    return switch (status) {
      case SENT -> new Reminder(status, APRIL_2.minusSeconds(60), APRIL_2, null, null);
      case QUEUED -> new Reminder(status, APRIL_2, null, null, null);
      case NOT_SENT_RECENTLY -> new Reminder(status, null, null, null, MARCH_29);
      case FAILED -> new Reminder(status, APRIL_2.minusSeconds(60), null, APRIL_2, null);
      case UNKNOWN -> new Reminder(status, null, null, null, null);
    };
  }

  @Test
  void shouldOfferTheReportWithALeadThatPromisesOnlyWhatIsDone() {
    Document home = home();

    String lead = home.select("#quiet p").first().text();
    assertThat(lead)
        .isEqualTo(
            "Tell us, and we email your partner a reminder (at most one a week for your"
                + " partnership). If nobody answers by the end of the cycle’s grace period, you"
                + " can ask here for a new partner.")
        .doesNotContain("coordinator looks at your partnership", "from the waiting list");
    assertThat(home.select("#quiet form[action=/home/quiet] button").text())
        .isEqualTo("My partner has gone quiet");
    saysOnly(home.select("#quiet").text());
  }

  @Test
  void shouldShowTheReportAsThePromptServiceTellsItAfterReporting() {
    // when Alice reports her quiet partner
    alice.open("/home");
    Browser.Page page = alice.submit("/home/quiet", Map.of("note", "no answer for 3 weeks"));

    // then the page shows what prompt-service answers: a reminder on its way, not one sent
    assertThat(services.reported).containsExactly(ALICE + "|no answer for 3 weeks");
    String quiet = page.html().select("#quiet").text();
    saysOnly(quiet, ON_ITS_WAY, ASK_AFTER);
    assertThat(page.html().select("#quiet form[action=/home/quiet]")).isEmpty();

    // and so it does on every later visit, not only right after the post
    saysOnly(quiet(), ON_ITS_WAY, ASK_AFTER);
  }

  @Test
  void shouldSayTheReminderWasEmailedWithItsDateOnlyOnceSent() {
    services.report(ALICE, ReportStatus.OPEN, reminder(ReminderStatus.SENT), ANSWER_BY);

    String quiet = quiet();

    assertThat(quiet).contains("We emailed your partner a reminder on April 2, 2027.");
    assertThat(quiet)
        .containsPattern(
            "If they have not answered by Apr 9, 2027, [^.]*, you can ask for a new partner"
                + " here\\.");
    saysOnly(quiet, EMAILED, ASK_AFTER);
  }

  @Test
  void shouldSayTheEarlierReminderWithItsDateWhenNoneWasSentThisTime() {
    services.report(
        ALICE, ReportStatus.OPEN, reminder(ReminderStatus.NOT_SENT_RECENTLY), ANSWER_BY);

    String quiet = quiet();

    assertThat(quiet)
        .contains(
            "We already reminded your partner on March 29, 2027; we send at most one reminder a"
                + " week.");
    saysOnly(quiet, ALREADY, ASK_AFTER);
  }

  @Test
  void shouldSayTheReminderFailed() {
    services.report(ALICE, ReportStatus.OPEN, reminder(ReminderStatus.FAILED), ANSWER_BY);

    saysOnly(quiet(), UNREACHABLE, ASK_AFTER);
  }

  @Test
  void shouldSayTheReminderIsOnItsWayWhileQueued() {
    services.report(ALICE, ReportStatus.OPEN, reminder(ReminderStatus.QUEUED), ANSWER_BY);

    saysOnly(quiet(), ON_ITS_WAY, ASK_AFTER);
  }

  @ParameterizedTest
  @EnumSource(
      value = ReminderStatus.class,
      names = {"QUEUED", "FAILED", "NOT_SENT_RECENTLY", "UNKNOWN"})
  void shouldNeverSayTheReminderWasEmailedUnlessSent(ReminderStatus status) {
    services.report(ALICE, ReportStatus.OPEN, reminder(status), ANSWER_BY);

    assertThat(alice.open("/home").body()).doesNotContain(EMAILED);
  }

  @Test
  void shouldSayNothingOfAReminderTheServiceDoesNotTell() {
    // a report made before reminders were sent, and a "sent" reminder without its date
    services.report(ALICE, ReportStatus.OPEN, null, ANSWER_BY);
    saysOnly(quiet(), ASK_AFTER);

    services.report(
        ALICE,
        ReportStatus.OPEN,
        new Reminder(ReminderStatus.SENT, APRIL_2, null, null, null),
        ANSWER_BY);
    saysOnly(quiet(), ASK_AFTER);
  }

  @Test
  void shouldSayThePartnerAnsweredAndOfferTheReportAgain() {
    services.report(ALICE, ReportStatus.RESOLVED, reminder(ReminderStatus.SENT), ANSWER_BY);

    Document home = home();

    saysOnly(home.select("#quiet").text(), ANSWERED);
    assertThat(home.select("#quiet form[action=/home/quiet]")).hasSize(1);
  }

  @Test
  void shouldOfferANewPartnerOnceFlaggedAndAskMatching() {
    // given a report nobody answered by its date
    services.report(ALICE, ReportStatus.FLAGGED, reminder(ReminderStatus.SENT), ANSWER_BY);
    Document home = home();
    saysOnly(home.select("#quiet").text(), DID_NOT_ANSWER, ASK_BUTTON);
    assertThat(home.select("#quiet").text()).contains("Your partner did not answer by Apr 9, 2027");
    assertThat(home.select("#quiet form[action=/home/quiet]")).isEmpty();

    // when Alice asks for a new partner (a cycle where a coordinator decides)
    Browser.Page page = alice.submit("/home/new-partner", Map.of());

    // then matching was asked, as Alice, and the page shows its answer instead of the button
    assertThat(services.newPartnerAsks).containsExactly(ALICE);
    saysOnly(page.html().select("#quiet").text(), DID_NOT_ANSWER, AWAITING);
    assertThat(page.html().select("#new-partner-request").attr("role")).isEqualTo("status");
  }

  @Test
  void shouldSayWeAreFindingANewPartnerOnceAccepted() {
    services.report(ALICE, ReportStatus.FLAGGED, reminder(ReminderStatus.SENT), ANSWER_BY);
    services.newPartnerRequest(ALICE, RequestStatus.ACCEPTED, Instant.now(), null);

    saysOnly(quiet(), DID_NOT_ANSWER, SEEKING);
  }

  @Test
  void shouldSayACoordinatorKeptThePartnershipWithTheirNoteAsText() {
    services.report(ALICE, ReportStatus.FLAGGED, reminder(ReminderStatus.SENT), ANSWER_BY);
    services.newPartnerRequest(
        ALICE,
        RequestStatus.DECLINED,
        Instant.now(),
        "Boris was ill <b>and</b> is back.\nGive it a week.");

    Browser.Page page = alice.open("/home");

    saysOnly(page.html().select("#quiet").text(), DID_NOT_ANSWER, DECLINED);
    assertThat(page.html().select("#decline-note .text").first().wholeText())
        .isEqualTo("Boris was ill <b>and</b> is back.\nGive it a week.");
    assertThat(page.html().select("#decline-note b")).isEmpty();
  }

  @Test
  void shouldOfferANewPartnerAgainWhenTheOnlyRequestWasMadeInAnEarlierPartnership() {
    // an accepted request, a new partner introduced since, and now this partnership is flagged
    Instant before = Instant.now().minusSeconds(86_400 * 30);
    services.newPartnerRequest(ALICE, RequestStatus.ACCEPTED, before, null);
    services.notice(ALICE, NoticeKind.NEW_PARTNER, "Meet Boris", "…", before.plusSeconds(86_400));
    services.report(ALICE, ReportStatus.FLAGGED, reminder(ReminderStatus.SENT), ANSWER_BY);

    saysOnly(quiet(), DID_NOT_ANSWER, ASK_BUTTON);
  }

  @ParameterizedTest
  @EnumSource(
      value = ReportStatus.class,
      names = {"OPEN", "RESOLVED", "CLOSED"})
  void shouldNotOfferANewPartnerUnlessFlagged(ReportStatus status) {
    services.report(ALICE, status, reminder(ReminderStatus.SENT), ANSWER_BY);
    services.newPartnerRequest(ALICE, RequestStatus.AWAITING_APPROVAL, Instant.now(), null);

    Browser.Page page = alice.open("/home");

    assertThat(page.body()).doesNotContain(ASK_BUTTON, AWAITING);
    assertThat(page.html().select("form[action=/home/new-partner]")).isEmpty();
  }

  @Test
  void shouldNotShowAnEarlierPartnershipsReportBesideANewPartner() {
    // messaging shows a new partnership that prompt-service does not know yet: its answers are
    // still about the earlier partnership
    services.report(ALICE, ReportStatus.FLAGGED, reminder(ReminderStatus.SENT), ANSWER_BY);
    Prompts.View earlier = services.prompts.get(ALICE);
    services.prompts.put(
        ALICE,
        new Prompts.View(
            "pp-earlier",
            earlier.cycleId(),
            earlier.status(),
            Prompts.PartnershipStatus.DISSOLVED,
            earlier.locale(),
            earlier.first(),
            earlier.last(),
            earlier.current(),
            earlier.past(),
            earlier.nextNumber(),
            earlier.nextDueAt()));

    Browser.Page page = alice.open("/home");

    assertThat(page.html().select("#quiet")).isEmpty();
    assertThat(page.body()).doesNotContain(DID_NOT_ANSWER, ASK_BUTTON);
  }

  @Test
  void shouldSayTheReportIsClosedWhenThePartnershipEnded() {
    services.report(ALICE, ReportStatus.CLOSED, reminder(ReminderStatus.SENT), ANSWER_BY);

    Document home = home();

    saysOnly(home.select("#quiet").text(), CLOSED);
    assertThat(home.select("#quiet form")).isEmpty();
  }

  @Test
  void shouldShowMatchingsReasonWhenItRefusesWithoutAnError() {
    // given matching refusing: the grace period still runs
    services.report(ALICE, ReportStatus.FLAGGED, reminder(ReminderStatus.SENT), ANSWER_BY);
    alice.open("/home");
    services.newPartnerProblem =
        new ServiceProblem(
            409,
            "state-conflict",
            "we reminded your partner; you may ask for a new partner after 2027-04-09T09:00:00Z"
                + " if nobody has answered by then",
            List.of(new ServiceProblem.FieldError("partnership", "too early")));

    // when Alice asks
    Browser.Page page = alice.submit("/home/new-partner", Map.of());

    // then the page says it could not, and why, in an alert, and nothing else changed
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#new-partner-refused").attr("role")).isEqualTo("alert");
    assertThat(page.html().select("#new-partner-refused").text())
        .contains(REFUSED, "The reason we were given:", "you may ask for a new partner after");
    assertThat(page.html().select("#new-partner-refused [lang=en]")).hasSize(1);
    assertThat(services.newPartnerRequests).isEmpty();
    assertThat(alice.open("/home").body()).as("said once").doesNotContain(REFUSED);
  }

  @Test
  void shouldNotSayRefusedBecauseALinkCarriesAParameter() {
    assertThat(alice.open("/home?newPartnerRefused=yes&reportFailed=true").body())
        .doesNotContain(REFUSED, "We could not take your report");
  }

  @Test
  void shouldCarryTheWholeJourneyFromReportToANewPartner() {
    // Alice reports; the reminder is sent; nobody answers; she asks and matching carries it out
    alice.open("/home");
    alice.submit("/home/quiet", Map.of());
    services.report(ALICE, ReportStatus.OPEN, reminder(ReminderStatus.SENT), ANSWER_BY);
    saysOnly(quiet(), EMAILED, ASK_AFTER);
    services.report(ALICE, ReportStatus.FLAGGED, reminder(ReminderStatus.SENT), ANSWER_BY);
    services.newPartnerOutcome = RequestStatus.ACCEPTED;
    alice.open("/home");
    alice.submit("/home/new-partner", Map.of());

    // the partnership is dissolved: no card; the home page says a new partner is sought
    services.noPartnership(ALICE);
    services.application(ALICE, a -> a.inCycle(CycleStatus.RUNNING));
    Document waiting = home();
    assertThat(waiting.select(".partner")).isEmpty();
    assertThat(waiting.select("#unpaired").text()).isEqualTo(SEEKING);

    // a new partnership forms and messaging tells of it: the new partner's card, called new
    services.reset();
    services.notice(ALICE, NoticeKind.NEW_PARTNER, "Meet Boris", "…", Instant.now().plusSeconds(5));
    Document paired = new Browser(port).signIn("alice-link").html();
    assertThat(paired.select(".partner h3").text()).isEqualTo("Boris Ivanov");
    assertThat(paired.select("#new-partner").text()).startsWith("This is your new partner");
    assertThat(paired.select("#quiet form[action=/home/quiet]")).hasSize(1);
  }
}
