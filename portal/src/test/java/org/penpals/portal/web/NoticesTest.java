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

/**
 * The welcome page says "You have signed out." and "Your personal data has been erased." only right
 * after the portal did it: never on a first visit, never because a link carries a parameter, never
 * twice.
 */
@PortalWebTest
class NoticesTest {
  private static final String SIGNED_OUT = "#notice-signed-out";
  private static final String ERASED = "#notice-erased";

  @LocalServerPort int port;
  @Autowired FakeServices services;

  @BeforeEach
  void reset() {
    services.reset();
  }

  @Test
  void shouldShowNoNoticeToAFirstTimeVisitor() {
    Browser.Page first = new Browser(port).get("/");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.html().select(SIGNED_OUT)).isEmpty();
    assertThat(first.html().select(ERASED)).isEmpty();
    assertThat(first.body())
        .doesNotContain("You have signed out.")
        .doesNotContain("Your personal data has been erased.");
  }

  @Test
  void shouldShowNoNoticeBecauseALinkCarriesAParameter() {
    Browser.Page crafted = new Browser(port).get("/?signed-out&erased&signedOut=true");

    assertThat(crafted.html().select(SIGNED_OUT)).isEmpty();
    assertThat(crafted.html().select(ERASED)).isEmpty();
  }

  @Test
  void shouldSaySignedOutOnceAfterSigningOut() {
    Browser browser = new Browser(port);
    browser.signIn("alice-link");
    browser.open("/home");

    Browser.Page out = browser.submit("/sign-out", Map.of());

    assertThat(out.html().select(SIGNED_OUT).text()).isEqualTo("You have signed out.");
    assertThat(out.html().select(ERASED)).isEmpty();
    assertThat(browser.get("/").html().select(SIGNED_OUT)).as("not again").isEmpty();
  }

  @Test
  void shouldSayErasedOnceAfterErasingAndNothingElse() {
    Browser alice = new Browser(port);
    alice.signIn("alice-link");
    alice.open("/my-data");

    Browser.Page erased = alice.submit("/my-data/erasure", Map.of("confirm", "yes"));

    assertThat(services.applications).doesNotContainKey(FakeServices.ALICE);
    assertThat(erased.html().select(ERASED).text())
        .isEqualTo("Your personal data has been erased. Thank you for taking part.");
    assertThat(erased.html().select(SIGNED_OUT)).isEmpty();
    assertThat(alice.get("/").html().select(ERASED)).as("not again").isEmpty();
  }

  @Test
  void shouldNotSayErasedWhenErasureWasNotConfirmed() {
    Browser alice = new Browser(port);
    alice.signIn("alice-link");
    alice.open("/my-data");

    alice.submit("/my-data/erasure", Map.of());

    assertThat(services.applications).containsKey(FakeServices.ALICE);
    assertThat(alice.get("/").html().select(ERASED)).isEmpty();
  }
}
