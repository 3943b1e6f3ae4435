package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in by emailed link. */
@PortalWebTest
class SignInTest {
  @LocalServerPort int port;
  @Autowired FakeServices services;

  @BeforeEach
  void reset() {
    services.reset();
  }

  @Test
  void shouldAnswerTheSameForAnyEmail() {
    Browser browser = new Browser(port);
    browser.open("/sign-in");

    Browser.Page known = browser.post("/sign-in", Map.of("email", "alice@example.org"));
    Browser.Page unknown = browser.post("/sign-in", Map.of("email", "nobody@example.org"));

    assertThat(known.status()).isEqualTo(302);
    assertThat(unknown.status()).isEqualTo(302);
    assertThat(known.location()).isEqualTo(unknown.location()).endsWith("/sign-in/sent");
    assertThat(services.signInRequests).containsExactly("alice@example.org", "nobody@example.org");
  }

  @Test
  void shouldNotUseTheLinkUpWhenItIsOnlyOpened() {
    Browser browser = new Browser(port);

    Browser.Page landing = browser.get("/sign-in/alice-link");

    assertThat(landing.status()).isEqualTo(200);
    assertThat(services.links).containsKey("alice-link");
    assertThat(landing.html().select("form[method=post] button").text()).isEqualTo("Sign in");
  }

  @Test
  void shouldAcceptLinksWrittenWithATokenParameter() {
    Browser browser = new Browser(port);

    Browser.Page signIn = browser.get("/sign-in?token=alice-link");
    Browser.Page verify = browser.get("/verify?token=good-verification");

    assertThat(signIn.html().select("form[method=post]").attr("action"))
        .isEqualTo("/sign-in/alice-link");
    assertThat(verify.html().select("main form[method=post]").attr("action"))
        .isEqualTo("/verify/good-verification");
  }

  @Test
  void shouldSignInOnceAndRefuseTheUsedLinkCleanly() {
    // given a link used once
    Browser first = new Browser(port);
    Browser.Page home = first.signIn("alice-link");
    assertThat(home.html().select("h1").text()).isEqualTo("Hello, Alice Martin");

    // when it is used again, in another browser
    Browser second = new Browser(port);
    second.get("/sign-in/alice-link");
    Browser.Page again = second.post("/sign-in/alice-link", Map.of());

    // then it fails with a way to ask for a new one, and nobody is signed in
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.html().select("#errors h2").text())
        .isEqualTo("This sign-in link does not work");
    assertThat(again.html().select("form[action$=/sign-in] input[name=email]")).hasSize(1);
    assertThat(second.get("/home").status()).isEqualTo(302);
  }

  @Test
  void shouldLimitLinkRequestsPerEmailSilently() {
    Browser browser = new Browser(port);
    browser.open("/sign-in");
    for (int i = 0; i < 8; i++) {
      Browser.Page page = browser.post("/sign-in", Map.of("email", "Limited@Example.org"));
      assertThat(page.location()).endsWith("/sign-in/sent");
    }
    assertThat(services.signInRequests).hasSize(5);
  }

  @Test
  void shouldRefuseAMalformedEmailInline() {
    Browser browser = new Browser(port);
    browser.open("/sign-in");

    Browser.Page page = browser.post("/sign-in", Map.of("email", "not-an-email"));

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.html().select("#email-error").text()).startsWith("Enter a valid email address");
    assertThat(page.html().select("#email").attr("aria-describedby")).isEqualTo("email-error");
  }

  @Test
  void shouldSpeakTheParticipantsLanguageAfterSigningIn() {
    Browser carla = new Browser(port);

    Browser.Page home = carla.signIn("carla-link");

    assertThat(home.html().select("html").attr("lang")).isEqualTo("fr");
    assertThat(home.html().select("h1").text()).isEqualTo("Bonjour, Carla Dupont");
    assertThat(FakeServices.CARLA).isNotEmpty();
  }
}
