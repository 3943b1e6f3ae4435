package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.portal.support.FakeServices.ALICE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.penpals.portal.services.Matching.RequestStatus;
import org.penpals.portal.services.Messaging.NoticeKind;
import org.penpals.portal.services.Prompts.Reminder;
import org.penpals.portal.services.Prompts.ReminderStatus;
import org.penpals.portal.services.Prompts.ReportStatus;
import org.penpals.portal.services.Registration.AdmissionRoute;
import org.penpals.portal.services.Registration.ApplicationStatus;
import org.penpals.portal.services.Registration.CycleStatus;
import org.penpals.portal.services.Registration.WaitReason;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.support.ApplicationFixture;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page, rendered in English, Spanish and French, has no missing message key: the public and
 * participant pages, the home page in every state of the standing, the partnership, the quiet
 * report and the request for a new partner, and the updates.
 */
@PortalWebTest
class EveryPageInEveryLanguageTest {
  @LocalServerPort int port;
  @Autowired FakeServices services;

  @BeforeEach
  void reset() {
    services.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "fr"})
  void shouldRenderEveryPageWithoutMissingMessages(String lang) {
    // given a browser that chose the language
    Browser browser = new Browser(port);
    browser.get("/?lang=" + lang);
    List<String> rendered = new ArrayList<>();

    // when it visits every public page
    check(browser, "/", 200, lang, rendered);
    check(browser, "/privacy", 200, lang, rendered);
    for (int step = 1; step <= 4; step++) {
      check(browser, "/apply/" + step, 200, lang, rendered);
    }
    browser.post("/apply/4", Map.of());
    check(browser, "/apply/4", 200, lang, rendered); // with the error summary
    check(browser, "/verify/some-token", 200, lang, rendered);
    checkPage(
        browser.submit("/verify/some-token", Map.of()), 410, lang, "/verify (failed)", rendered);
    browser.get("/verify/good-verification");
    checkPage(
        browser.submit("/verify/good-verification", Map.of()), 200, lang, "/verify (ok)", rendered);
    check(browser, "/sign-in", 200, lang, rendered);
    check(browser, "/sign-in/sent", 200, lang, rendered);
    check(browser, "/sign-in/used-link", 200, lang, rendered);
    checkPage(browser.submit("/sign-in/used-link", Map.of()), 410, lang, "link failed", rendered);

    // and, signed in, every participant page
    browser.signIn("alice-link");
    browser.get("/?lang=" + lang);
    check(browser, "/home", 200, lang, rendered);
    check(browser, "/prompts", 200, lang, rendered);
    check(browser, "/messages", 200, lang, rendered);
    check(browser, "/my-data", 200, lang, rendered);
    check(browser, "/my-data/profile", 200, lang, rendered);
    check(browser, "/my-data/languages", 200, lang, rendered);
    check(browser, "/no-such-page", 403, lang, rendered);
    checkPage(
        browser.submit("/home/quiet", Map.of("note", "")), 200, lang, "quiet reported", rendered);
    homeInEveryState(browser, lang, rendered);
    updates(browser, lang, rendered);
    services.partnerships.remove(FakeServices.ALICE);
    check(browser, "/home", 200, lang, rendered); // before matching: the application's status
    standingInEveryState(browser, lang, rendered);
    services.down = "registration";
    check(browser, "/my-data", 503, lang, rendered);

    // then every one of them was in the language, with no ??key?? marker
    assertThat(rendered).hasSize(24 + HOME_STATES + UPDATES_PAGES + STANDINGS);
  }

  private static final Instant T = Instant.parse("2027-04-02T09:00:00Z");
  private static final int HOME_STATES =
      ReminderStatus.values().length + 3 + RequestStatus.values().length + 3;

  /** The partner's home page in every state of the quiet report, the request and the card. */
  private void homeInEveryState(Browser browser, String lang, List<String> rendered) {
    for (ReminderStatus status : ReminderStatus.values()) {
      services.report(ALICE, ReportStatus.OPEN, new Reminder(status, T, T, T, T), T);
      check(browser, "/home", 200, lang, rendered, "report OPEN, reminder " + status);
    }
    services.report(ALICE, ReportStatus.OPEN, null, T);
    check(browser, "/home", 200, lang, rendered, "report OPEN, no reminder");
    services.report(ALICE, ReportStatus.RESOLVED, null, T);
    check(browser, "/home", 200, lang, rendered, "report RESOLVED");
    services.report(ALICE, ReportStatus.FLAGGED, null, T);
    check(browser, "/home", 200, lang, rendered, "report FLAGGED");
    for (RequestStatus status : RequestStatus.values()) {
      services.newPartnerRequest(ALICE, status, Instant.now(), "A note");
      check(browser, "/home", 200, lang, rendered, "request " + status);
    }
    services.newPartnerRequests.clear();
    services.newPartnerProblem = new ServiceProblem(409, "state-conflict", "too early", List.of());
    browser.open("/home");
    checkPage(
        browser.submit("/home/new-partner", Map.of()), 200, lang, "new partner refused", rendered);
    services.newPartnerProblem = null;
    services.report(ALICE, ReportStatus.CLOSED, null, T);
    services.notice(ALICE, NoticeKind.NEW_PARTNER, "New partner", "Meet Boris", T);
    check(browser, "/home", 200, lang, rendered, "report CLOSED, a new partner");
    services.completed(ALICE, T);
    check(browser, "/home", 200, lang, rendered, "partnership COMPLETED");
    services.reset();
  }

  private static final int UPDATES_PAGES = 4;

  /** The updates, none, every kind, and a long one in full. */
  private void updates(Browser browser, String lang, List<String> rendered) {
    check(browser, "/updates", 200, lang, rendered, "no updates");
    for (NoticeKind kind : NoticeKind.values()) {
      services.notice(ALICE, kind, "Subject " + kind, "word ".repeat(100), T);
    }
    Browser.Page home = browser.open("/home");
    checkPage(home, 200, lang, "home with updates", rendered);
    check(browser, "/updates", 200, lang, rendered, "every kind of update");
    check(
        browser,
        home.html().select("#updates a[href^=/updates/]").attr("href"),
        200,
        lang,
        rendered,
        "one update");
    services.notices.clear();
  }

  private static final int STANDINGS = 13;

  /** The home page without a partnership, in every standing. */
  private void standingInEveryState(Browser browser, String lang, List<String> rendered) {
    Map<String, UnaryOperator<ApplicationFixture>> standings = new LinkedHashMap<>();
    standings.put(
        "waitlisted, open",
        a -> a.waitlisted(3, WaitReason.CAPACITY).inCycle(CycleStatus.REGISTRATION_OPEN));
    standings.put(
        "waitlisted, closed",
        a -> a.waitlisted(3, WaitReason.COUNTRY_CAP).inCycle(CycleStatus.REGISTRATION_CLOSED));
    standings.put(
        "waitlisted, unconfirmed",
        a ->
            a.status(ApplicationStatus.PENDING_VERIFICATION)
                .waitlisted(9, WaitReason.CAPACITY)
                .inCycle(CycleStatus.REGISTRATION_OPEN));
    standings.put(
        "admitted, freed place",
        a -> a.admitted(T, AdmissionRoute.FREED_PLACE).inCycle(CycleStatus.REGISTRATION_OPEN));
    standings.put(
        "admitted by staff",
        a -> a.admitted(T, AdmissionRoute.STAFF).inCycle(CycleStatus.MATCHING));
    standings.put("running, not paired", a -> a.admitted(T, null).inCycle(CycleStatus.RUNNING));
    standings.put("cycle ended", a -> a.admitted(T, null).inCycle(CycleStatus.COMPLETED));
    standings.put(
        "withdrawn", a -> a.status(ApplicationStatus.WITHDRAWN).inCycle(CycleStatus.RUNNING));
    standings.put(
        "unknown status", a -> a.status(ApplicationStatus.UNKNOWN).inCycle(CycleStatus.UNKNOWN));
    for (var standing : standings.entrySet()) {
      services.application(ALICE, standing.getValue());
      check(browser, "/home", 200, lang, rendered, standing.getKey());
    }
    services.application(ALICE, a -> a.admitted(T, null).inCycle(CycleStatus.RUNNING));
    for (NoticeKind kind :
        List.of(NoticeKind.PARTNER_LEFT, NoticeKind.PARTNERSHIP_DISSOLVED, NoticeKind.WAITLISTED)) {
      services.notices.clear();
      services.notice(ALICE, kind, "News", "…", T);
      check(browser, "/home", 200, lang, rendered, "running, after " + kind);
    }
    services.notices.clear();
    services.newPartnerRequest(ALICE, RequestStatus.ACCEPTED, T, null);
    check(browser, "/home", 200, lang, rendered, "running, a new partner sought");
  }

  private static void check(
      Browser browser, String path, int status, String lang, List<String> rendered, String what) {
    checkPage(browser.open(path), status, lang, path + " (" + what + ")", rendered);
  }

  private static void check(
      Browser browser, String path, int status, String lang, List<String> rendered) {
    checkPage(browser.open(path), status, lang, path, rendered);
  }

  private static void checkPage(
      Browser.Page page, int status, String lang, String what, List<String> rendered) {
    assertThat(page.status()).as(what + " " + lang + ": " + page.body()).isEqualTo(status);
    assertThat(page.body()).as(what + " in " + lang).doesNotContain("??");
    assertThat(page.html().selectFirst("html").attr("lang")).as(what).isEqualTo(lang);
    assertThat(page.html().select("main h1")).as(what + " has a heading").isNotEmpty();
    rendered.add(what);
  }
}
