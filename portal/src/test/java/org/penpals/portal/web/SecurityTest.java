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

/** Headers, session cookie, CSRF and who may open what. */
@PortalWebTest
class SecurityTest {
  @LocalServerPort int port;
  @Autowired FakeServices services;

  @BeforeEach
  void reset() {
    services.reset();
  }

  @Test
  void shouldSendSecurityHeadersOnEveryPage() {
    Browser.Page page = new Browser(port).get("/");

    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.html().select("script:not([src])")).as("no inline script").isEmpty();
    assertThat(page.html().select("[style]")).as("no inline style").isEmpty();
  }

  @Test
  void shouldKeepTheSessionInAnHttpOnlyLaxCookieAndNeverStorePersonalPages() {
    // given a participant who signs in
    Browser browser = new Browser(port);
    browser.get("/sign-in/alice-link");
    Browser.Page signedIn = browser.post("/sign-in/alice-link", Map.of());

    // then the session cookie is penpals_portal, HttpOnly, SameSite=Lax
    assertThat(signedIn.headers("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("penpals_portal=")
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax"));
    // and personal pages are not stored by browsers or proxies
    Browser.Page home = browser.get("/home");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Cache-Control")).contains("no-store");
  }

  @Test
  void shouldChangeTheSessionIdWhenSigningIn() {
    Browser browser = new Browser(port);
    browser.get("/sign-in/alice-link");
    String before = browser.cookie("penpals_portal");

    browser.post("/sign-in/alice-link", Map.of());

    assertThat(before).isNotNull();
    assertThat(browser.cookie("penpals_portal")).isNotNull().isNotEqualTo(before);
  }

  @Test
  void shouldRefuseFormsWithoutTheCsrfToken() {
    Browser browser = new Browser(port);
    browser.signIn("alice-link");

    Browser.Page post = browser.postRaw("/messages", Map.of("text", "hello"));

    assertThat(post.status()).isEqualTo(403);
    assertThat(services.posts).isEmpty();
  }

  @Test
  void shouldSendAnonymousVisitorsToSignInFromPersonalPages() {
    Browser browser = new Browser(port);
    for (String path :
        new String[] {"/home", "/prompts", "/messages", "/my-data", "/my-data/export"}) {
      Browser.Page page = browser.get(path);
      assertThat(page.status()).as(path).isEqualTo(302);
      assertThat(page.location()).as(path).endsWith("/sign-in");
    }
  }

  @Test
  void shouldForgetTheParticipantOnSignOut() {
    Browser browser = new Browser(port);
    browser.signIn("alice-link");
    assertThat(browser.get("/home").status()).isEqualTo(200);

    Browser.Page out = browser.submit("/sign-out", Map.of());

    assertThat(out.status()).isEqualTo(200);
    assertThat(browser.get("/home").status()).isEqualTo(302);
  }
}
