package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page, rendered in English, Spanish and French, has no missing message key. */
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
    services.partnerships.remove(FakeServices.ALICE);
    check(browser, "/home", 200, lang, rendered); // before matching: the application's status
    services.down = "registration";
    check(browser, "/my-data", 503, lang, rendered);

    // then every one of them was in the language, with no ??key?? marker
    assertThat(rendered).hasSize(24);
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
