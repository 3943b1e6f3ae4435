package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.portal.support.FakeServices.ALICE;

import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.portal.services.Messaging.NoticeKind;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The participant's updates (messaging's notices): the latest five on the home page, all of them on
 * {@code /updates}, each with its kind, subject, date and text, shown as text with its line breaks.
 */
@PortalWebTest
class UpdatesTest {
  private static final Instant MAY_1 = Instant.parse("2027-05-01T09:00:00Z");

  @LocalServerPort int port;
  @Autowired FakeServices services;
  Browser alice;

  @BeforeEach
  void signIn() {
    services.reset();
    alice = new Browser(port);
    alice.signIn("alice-link");
  }

  private void sevenNotices() {
    NoticeKind[] kinds = {
      NoticeKind.WAITLISTED,
      NoticeKind.ADMITTED,
      NoticeKind.PARTNER_LEFT,
      NoticeKind.NEW_PARTNER,
      NoticeKind.REMINDER,
      NoticeKind.ANNOUNCEMENT,
      NoticeKind.PARTNERSHIP_ENDED
    };
    for (int i = 0; i < kinds.length; i++) {
      services.notice(
          ALICE, kinds[i], "Subject " + (i + 1), "Text " + (i + 1), MAY_1.plusSeconds(86_400L * i));
    }
  }

  @Test
  void shouldShowTheLatestFiveUpdatesNewestFirstWithALinkToAll() {
    sevenNotices();

    Document home = alice.open("/home").html();

    assertThat(home.select("#updates h2").text()).isEqualTo("Updates");
    assertThat(home.select("#updates article h3").eachText())
        .containsExactly("Subject 7", "Subject 6", "Subject 5", "Subject 4", "Subject 3");
    Element newest = home.selectFirst("#updates article");
    assertThat(newest.select(".kind").text()).isEqualTo("Partnership ended");
    assertThat(newest.select("time").text()).isEqualTo("May 7, 2027");
    assertThat(newest.select("time").attr("datetime")).isEqualTo("2027-05-07T09:00:00Z");
    assertThat(newest.select(".text").text()).isEqualTo("Text 7");
    assertThat(home.select("#updates a[href=/updates]").text()).isEqualTo("All your updates (7)");
  }

  @Test
  void shouldListEveryUpdateWithItsKindOnTheUpdatesPage() {
    sevenNotices();

    Document page = alice.open("/updates").html();

    assertThat(page.select("h1").text()).isEqualTo("Your updates");
    assertThat(page.select("article h2")).hasSize(7);
    assertThat(page.select("article .kind").eachText())
        .containsExactly(
            "Partnership ended",
            "Announcement",
            "Reminder",
            "New partner",
            "Your partner left",
            "Your place",
            "Waiting list");
    assertThat(alice.open("/home").html().select("header nav a[href=/updates]").text())
        .isEqualTo("Updates");
  }

  @Test
  void shouldShowTheTextAsTextWithItsLineBreaks() {
    String hostile = "Dear Alice,\n<script>alert('x')</script><b>bold</b>\n\nThe team";
    services.notice(ALICE, NoticeKind.ANNOUNCEMENT, "<i>News</i>", hostile, MAY_1);

    for (String path : new String[] {"/home", "/updates"}) {
      Browser.Page page = alice.open(path);
      Element update = page.html().selectFirst("article.update");
      assertThat(update.select(".text").first().wholeText()).as(path).isEqualTo(hostile);
      assertThat(update.select("h2, h3").text()).as(path).isEqualTo("<i>News</i>");
      assertThat(update.select("script, b, i")).as(path).isEmpty();
      assertThat(page.body()).as(path).contains("&lt;script&gt;");
    }
  }

  @Test
  void shouldShowAnExcerptOfALongUpdateAndTheWholeOnItsOwnPage() {
    String paragraph = "A long announcement about the programme. ".repeat(40).strip();
    services.notice(
        ALICE, NoticeKind.ANNOUNCEMENT, "Autumn plans", paragraph + "\nThe end.", MAY_1);

    Document home = alice.open("/home").html();
    String excerpt = home.select("#updates .text").text();
    assertThat(excerpt).endsWith("…").doesNotContain("The end.");
    assertThat(excerpt.length()).isLessThanOrEqualTo(Update.EXCERPT + 1);
    Element more = home.selectFirst("#updates a[href^=/updates/]");
    assertThat(more.text()).isEqualTo("Read all of “Autumn plans”");

    Browser.Page whole = alice.open(more.attr("href"));
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.html().select("h1").text()).isEqualTo("Autumn plans");
    assertThat(whole.html().select(".update .text").first().wholeText())
        .isEqualTo(paragraph + "\nThe end.");
  }

  @Test
  void shouldNameNoParticipantOrPartnershipInItsLinks() {
    // notice ids are natural keys naming the participant (and partnership): links use a hash
    services.notice(ALICE, NoticeKind.ANNOUNCEMENT, "Long", "word ".repeat(200), MAY_1);

    Browser.Page home = alice.open("/home");

    assertThat(home.html().select("a[href^=/updates/]").attr("href"))
        .matches("/updates/[0-9a-f]{16}")
        .doesNotContain(ALICE);
    assertThat(home.body()).doesNotContain("announcement:" + ALICE);
  }

  @Test
  void shouldNotOpenAnUpdateThatIsNotTheParticipants() {
    assertThat(alice.open("/updates/0123456789abcdef").status()).isEqualTo(404);
    assertThat(alice.open("/updates/" + Update.key("announcement:p-carla:x")).status())
        .isEqualTo(404);
  }

  @Test
  void shouldShowNoUpdatesSectionUntilThereIsOne() {
    assertThat(alice.open("/home").html().select("#updates")).isEmpty();
    assertThat(alice.open("/updates").html().select("#no-updates").text())
        .isEqualTo("No updates yet.");
  }

  @Test
  void shouldShowUpdatesWithoutAPartnershipToo() {
    services.noPartnership(ALICE);
    services.notice(ALICE, NoticeKind.WAITLISTED, "You are on the waiting list", "…", MAY_1);

    assertThat(alice.open("/home").html().select("#updates h3").text())
        .isEqualTo("You are on the waiting list");
  }

  @Test
  void shouldNeedASignedInParticipant() {
    Browser stranger = new Browser(port);

    assertThat(stranger.get("/updates").status()).isEqualTo(302);
    assertThat(stranger.get("/updates").location()).endsWith("/sign-in");
  }
}
