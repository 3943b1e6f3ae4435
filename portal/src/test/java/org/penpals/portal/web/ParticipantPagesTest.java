package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.portal.services.Messaging;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Home, prompts, conversation and my data, for a signed-in participant. */
@PortalWebTest
class ParticipantPagesTest {
  @LocalServerPort int port;
  @Autowired FakeServices services;
  Browser alice;

  @BeforeEach
  void signIn() {
    services.reset();
    alice = new Browser(port);
    alice.signIn("alice-link");
  }

  @Test
  void shouldShowThePartnerCardWithTheirLocalTime() {
    Document home = alice.open("/home").html();

    assertThat(home.select(".partner h3").text()).isEqualTo("Boris Ivanov");
    assertThat(home.select(".partner").text())
        .contains("Bulgaria", "Ivan Vazov Public Library", "boris@example.org", "(Europe/Sofia)");
    assertThat(home.select(".partner a[href=mailto:boris@example.org]")).hasSize(1);
  }

  @Test
  void shouldShowThisWeeksPromptAndTheCheckInToAnswer() {
    Document home = alice.open("/home").html();

    assertThat(home.select(".prompt h3").text()).isEqualTo("Have you connected?");
    assertThat(home.select("#checkins form input[name=number]").attr("value")).isEqualTo("3");

    Browser.Page answered =
        alice.submit("/home/answers", Map.of("number", "3", "connected", "yes"));
    assertThat(answered.body()).contains("Thank you for your answer.");
    assertThat(services.answers).containsExactly(FakeServices.ALICE + "|3|true|null");
  }

  @Test
  void shouldShowTheArchiveOfEarlierPrompts() {
    Document prompts = alice.open("/prompts").html();

    assertThat(prompts.select("details summary").text()).contains("Introduce yourselves");
  }

  @Test
  void shouldShowMessageHtmlAndScriptAsText() {
    // given a partner who wrote markup and a script
    String hostile = "<script>alert('x')</script><b>bold</b><img src=x onerror=alert(1)>";
    services
        .threads
        .get(FakeServices.PARTNERSHIP)
        .add(new Messaging.Message("m-1", FakeServices.BORIS, hostile, java.time.Instant.now()));

    // when Alice reads the conversation
    Browser.Page page = alice.open("/messages");

    // then it is shown as text, not run or rendered
    Document html = page.html();
    assertThat(html.select(".thread .text").text()).isEqualTo(hostile);
    assertThat(html.select(".thread script, .thread b, .thread img")).isEmpty();
    assertThat(page.body()).contains("&lt;script&gt;");
    assertThat(html.select("script").eachAttr("src"))
        .allMatch(src -> src.endsWith("/js/portal.js"));
  }

  @Test
  void shouldWriteOnlyToTheParticipantsOwnThreadWhateverIdIsSent() {
    // when Alice posts with another partnership's id slipped into the form and the URL
    alice.open("/messages");
    Browser.Page posted =
        alice.submit(
            "/messages?partnershipId=" + FakeServices.OTHER_PARTNERSHIP,
            Map.of("text", "Hello Boris", "partnershipId", FakeServices.OTHER_PARTNERSHIP));

    // then the message went to her own partnership only
    assertThat(posted.status()).isEqualTo(200);
    assertThat(services.posts).containsExactly(FakeServices.PARTNERSHIP + "|Hello Boris");
    assertThat(posted.body()).contains("Hello Boris").doesNotContain("a secret between");
  }

  @Test
  void shouldNotOpenAnotherParticipantsPagesByChangingIds() {
    for (String path :
        List.of(
            "/messages?partnershipId=" + FakeServices.OTHER_PARTNERSHIP,
            "/home?participantId=" + FakeServices.CARLA,
            "/my-data?participantId=" + FakeServices.CARLA,
            "/my-data/export?participantId=" + FakeServices.CARLA)) {
      Browser.Page page = alice.open(path);
      assertThat(page.body()).as(path).doesNotContain("Carla", "carla@example.org", "a secret");
    }
    assertThat(alice.open("/conversations/" + FakeServices.OTHER_PARTNERSHIP).status())
        .isEqualTo(403);
  }

  @Test
  void shouldRefuseAnEmptyMessageInline() {
    alice.open("/messages");
    Browser.Page page = alice.submit("/messages", Map.of("text", "   "));

    assertThat(page.html().select("#text-error").text())
        .isEqualTo("Write something before sending.");
    assertThat(services.posts).isEmpty();
  }

  @Test
  void shouldReportAQuietPartnerAndShowWhatThePromptServiceDid() {
    alice.open("/home");
    Browser.Page page = alice.submit("/home/quiet", Map.of("note", "no answer for 3 weeks"));

    assertThat(services.reported).containsExactly(FakeServices.ALICE + "|no answer for 3 weeks");
    assertThat(page.html().select("#quiet .notice").text())
        .isEqualTo("A reminder to your partner is on its way.");
  }

  @Test
  void shouldShowTheApplicationStatusBeforeMatching() {
    services.partnerships.remove(FakeServices.ALICE);

    Document home = alice.open("/home").html();

    assertThat(home.select("main").text())
        .contains(
            "Your application is complete.", "We will email you as soon as you have a partner.");
    assertThat(home.select(".partner")).isEmpty();
  }

  @Test
  void shouldExplainWhenAServiceIsDown() {
    services.down = "messaging";

    Browser.Page page = alice.open("/home");

    assertThat(page.status()).isEqualTo(503);
    assertThat(page.header("Retry-After")).isEqualTo("30");
    assertThat(page.html().select("h1").text()).isEqualTo("Part of Penpals is not answering");
  }

  @Test
  void shouldEditLanguagesOnTheirOwnSmallPage() {
    Browser.Page edit = alice.open("/my-data/languages");
    assertThat(edit.html().select("#lang0 option[selected]").attr("value")).isEqualTo("en");
    assertThat(edit.html().select("#countryCode")).isEmpty();

    Browser.Page saved =
        alice.submit(
            "/my-data/languages",
            Map.of("lang0", "en", "corr0", "true", "lang1", "fr", "interests", "advocacy"));

    assertThat(saved.body()).contains("Your changes have been saved.");
    Browser.Page refused = alice.submit("/my-data/languages", Map.of("lang0", "en"));
    assertThat(refused.html().select("#errors li")).hasSize(2);
  }

  @Test
  void shouldDownloadMyDataAsJson() {
    Browser.Page export = alice.open("/my-data/export");

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Disposition")).contains("attachment");
    assertThat(export.header("Cache-Control")).contains("no-store");
    assertThat(export.body()).contains("\"participant\" : \"p-alice\"", "\"prompts\"");
  }

  @Test
  void shouldEraseAfterConfirmationAndSignOut() {
    alice.open("/my-data");
    Browser.Page unconfirmed = alice.submit("/my-data/erasure", Map.of());
    assertThat(unconfirmed.html().select("#erase .error").text())
        .isEqualTo("Tick the box to confirm.");
    assertThat(services.applications).containsKey(FakeServices.ALICE);

    Browser.Page erased = alice.submit("/my-data/erasure", Map.of("confirm", "yes"));

    assertThat(services.applications).doesNotContainKey(FakeServices.ALICE);
    assertThat(erased.body()).contains("Your personal data has been erased.");
    assertThat(alice.get("/home").status()).isEqualTo(302);
  }
}
