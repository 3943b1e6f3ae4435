package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.portal.support.FakeServices.ALICE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.portal.services.Messaging.NoticeKind;
import org.penpals.portal.services.Prompts;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page of a participant with a partnership: "your partnership has ended" only once
 * messaging says it completed, with the final survey while it waits for an answer; "your new
 * partner" only when the latest partnership news is a new partner's introduction.
 */
@PortalWebTest
class PartnershipStatesTest {
  private static final Instant JUNE_28 = Instant.parse("2027-06-28T12:00:00Z");
  private static final String ENDED = "Your partnership has ended";
  private static final String NEW_PARTNER = "This is your new partner";

  @LocalServerPort int port;
  @Autowired FakeServices services;
  Browser alice;

  @BeforeEach
  void signIn() {
    services.reset();
    alice = new Browser(port);
    alice.signIn("alice-link");
  }

  private void finalSurvey(boolean answered) {
    Instant now = Instant.now();
    Prompts.Received survey =
        new Prompts.Received(
            17, 17, "FINAL_SURVEY", "How was it?", "Tell us.", now, now, false, true, answered);
    Prompts.View v = services.prompts.get(ALICE);
    services.prompts.put(
        ALICE,
        new Prompts.View(
            v.partnershipId(),
            v.cycleId(),
            "COMPLETED",
            Prompts.PartnershipStatus.COMPLETED,
            v.locale(),
            v.first(),
            v.last(),
            survey,
            List.of(),
            null,
            null));
  }

  @Test
  void shouldSayThePartnershipEndedWithItsDateThanksAndTheFinalSurvey() {
    // given a partnership completed with the cycle, and the final survey not answered yet
    services.completed(ALICE, JUNE_28);
    finalSurvey(false);

    // when Alice opens her home page
    Document home = alice.open("/home").html();

    // then it says so, keeps the partner card and offers the final survey
    assertThat(home.select("#ended h2").text()).isEqualTo(ENDED);
    assertThat(home.select("#ended").text())
        .contains(
            "It ended with the cycle on June 28, 2027.",
            "Thank you for taking part in Penpals",
            "The final survey is waiting for your answer, below.",
            "You can still write to each other here.");
    assertThat(home.select("#ended a[href=#checkins]")).hasSize(1);
    assertThat(home.select(".partner h3").text()).isEqualTo("Boris Ivanov");
    assertThat(home.select("#checkins legend").text()).isEqualTo("How was it?");
    assertThat(home.select("#checkins input[name=number]").attr("value")).isEqualTo("17");
    assertThat(home.select("#prompt-title").text()).isEqualTo("The last prompt");
    assertThat(home.select("#quiet")).as("no reports once it ended").isEmpty();
    assertThat(home.select(".prompt").text()).doesNotContain("Next prompt");
  }

  @Test
  void shouldTakeTheFinalSurveyAnswerAfterTheEnd() {
    services.completed(ALICE, JUNE_28);
    finalSurvey(false);
    alice.open("/home");

    Browser.Page answered = alice.submit("/home/answers", Map.of("number", "17", "rating", "5"));

    assertThat(answered.html().select("#checkins .notice").text())
        .isEqualTo("Thank you for your answer.");
    assertThat(services.answers).containsExactly(ALICE + "|17|null|5");
  }

  @Test
  void shouldNotOfferAnAnsweredFinalSurvey() {
    services.completed(ALICE, JUNE_28);
    finalSurvey(true);

    Document home = alice.open("/home").html();

    assertThat(home.select("#ended").text()).contains(ENDED).doesNotContain("final survey");
    assertThat(home.select("#checkins")).isEmpty();
  }

  @Test
  void shouldNotSayThePartnershipEndedWhileItIsActive() {
    // even when the cycle's end was announced by mail but messaging still calls it active
    services.notice(ALICE, NoticeKind.CYCLE_COMPLETED, "The cycle has ended", "…", JUNE_28);

    Browser.Page home = alice.open("/home");

    assertThat(home.html().select("#ended")).isEmpty();
    assertThat(home.body()).doesNotContain(ENDED);
    assertThat(home.html().select("#prompt-title").text()).isEqualTo("This week’s prompt");
    assertThat(home.html().select("#quiet")).hasSize(1);
  }

  @Test
  void shouldIntroduceANewPartnerAsNewWhenTheLatestPartnershipNewsSaysSo() {
    services.notice(
        ALICE,
        NoticeKind.PARTNER_LEFT,
        "Your partner left",
        "…",
        JUNE_28.minusSeconds(86_400 * 30));
    services.notice(
        ALICE, NoticeKind.NEW_PARTNER, "Meet Boris", "…", JUNE_28.minusSeconds(86_400 * 28));
    services.notice(
        ALICE, NoticeKind.ANNOUNCEMENT, "Hello all", "…", JUNE_28.minusSeconds(86_400 * 2));

    Document home = alice.open("/home").html();

    assertThat(home.select("#new-partner").text())
        .isEqualTo(
            "This is your new partner: we introduced you to each other by email on May 31, 2027.");
  }

  @Test
  void shouldNotCallAFirstPartnerNew() {
    services.notice(ALICE, NoticeKind.ADMITTED, "A place", "…", JUNE_28.minusSeconds(86_400 * 100));

    assertThat(alice.open("/home").body()).doesNotContain(NEW_PARTNER);
  }

  @Test
  void shouldNotCallAPartnerNewOnceLaterNewsOvertookTheIntroduction() {
    services.notice(
        ALICE, NoticeKind.NEW_PARTNER, "Meet Boris", "…", JUNE_28.minusSeconds(86_400 * 28));
    services.notice(
        ALICE, NoticeKind.PARTNER_LEFT, "A partner left", "…", JUNE_28.minusSeconds(86_400 * 20));

    assertThat(alice.open("/home").body()).doesNotContain(NEW_PARTNER);
  }

  @Test
  void shouldNotCallAPartnerNewOnceThePartnershipEnded() {
    services.notice(
        ALICE, NoticeKind.NEW_PARTNER, "Meet Boris", "…", JUNE_28.minusSeconds(86_400 * 28));
    services.completed(ALICE, JUNE_28);

    assertThat(alice.open("/home").body()).doesNotContain(NEW_PARTNER);
  }
}
