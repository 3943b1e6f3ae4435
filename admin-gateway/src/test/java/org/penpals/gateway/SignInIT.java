package org.penpals.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.penpals.gateway.signin.StaffSessionFilter;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.gateway.staff.Totp;
import org.penpals.gateway.support.GatewayIntegrationTest;
import org.penpals.gateway.support.JwksDecoder;
import org.penpals.gateway.support.StaffSession;
import org.penpals.gateway.support.StubServices;
import org.penpals.gateway.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@GatewayIntegrationTest
class SignInIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired StaffAccounts store;
  @Autowired StaffSessionFilter sessions;

  @Test
  void shouldSendSomeoneWithAOneTimePasswordToThePasswordPageBeforeAnythingElse() {
    // given an account fresh from "admin create": only its one-time password
    TestAccounts.Account admin = TestAccounts.fresh(accounts, StaffRole.ADMIN);
    StaffSession browser = new StaffSession(port);

    // when they sign in with it
    StaffSession.Page signedIn = browser.signIn(admin.email(), admin.password());

    // then the only page open to them is the one to choose a password
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/account/password");
    assertThat(browser.get("/console").location()).endsWith("/account/password");
    assertThat(browser.api("GET", "/api/registration/cycles", null, false).status()).isEqualTo(403);

    // and once they chose one, the console opens
    browser.get("/account/password");
    StaffSession.Page changed =
        browser.post(
            "/account/password",
            Map.of(
                "currentPassword", admin.password(),
                "newPassword", TestAccounts.PASSWORD,
                "repeatPassword", TestAccounts.PASSWORD));
    assertThat(changed.location()).endsWith("/console");
    StaffSession.Page console = browser.get("/console");
    assertThat(console.status()).isEqualTo(200);
    assertThat(console.body()).contains("Dashboard");
  }

  @Test
  void shouldRelayAConsoleCallWithAMintedTokenAndWithoutTheSessionCookie() throws Exception {
    // given a signed-in coordinator
    TestAccounts.Account coordinator = TestAccounts.ready(accounts, StaffRole.COORDINATOR);
    StaffSession browser = new StaffSession(port);
    browser.signIn(coordinator.email(), coordinator.password());
    StubServices.get().clear();

    // when the console reads cycles through the gateway
    StaffSession.Page answer = browser.api("GET", "/api/registration/cycles?x=1", null, false);

    // then the service got the request with a fresh short-lived token and no cookie
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Set-Cookie")).doesNotContain("service-cookie");
    StubServices.Received received = StubServices.get().last();
    assertThat(received.path()).isEqualTo("/api/registration/cycles");
    assertThat(received.query()).isEqualTo("x=1");
    assertThat(received.cookie()).isNull();
    assertThat(received.authorization()).startsWith("Bearer ");
    String token = received.authorization().substring(7);
    Jwt jwt = jwksDecoder().decode(token);
    assertThat(jwt.getSubject()).isEqualTo(coordinator.staffId());
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("COORDINATOR");
    assertThat(jwt.getClaimAsString("iss")).isEqualTo("penpals");
    assertThat(jwt.getExpiresAt()).isBefore(Instant.now().plusSeconds(6 * 60));
    assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isNotBlank();
  }

  @Test
  void shouldRefuseAChangeFromASessionWithoutTheCsrfToken() {
    // given a signed-in coordinator
    TestAccounts.Account coordinator = TestAccounts.ready(accounts, StaffRole.COORDINATOR);
    StaffSession browser = new StaffSession(port);
    browser.signIn(coordinator.email(), coordinator.password());
    browser.get("/console");
    StubServices.get().clear();

    // when a change comes without the CSRF token, then with it
    StaffSession.Page forged = browser.api("POST", "/api/registration/cycles", "{}", false);
    StaffSession.Page genuine = browser.api("POST", "/api/registration/cycles", "{}", true);

    // then only the genuine one reaches the service
    assertThat(forged.status()).isEqualTo(403);
    assertThat(genuine.status()).isEqualTo(200);
    assertThat(StubServices.get().received()).hasSize(1);
  }

  @Test
  void shouldSendSecurityHeadersAndNeverLetPersonalDataBeCached() {
    // given a signed-in viewer
    TestAccounts.Account viewer = TestAccounts.ready(accounts, StaffRole.VIEWER);
    StaffSession browser = new StaffSession(port);
    browser.signIn(viewer.email(), viewer.password());

    // when they load a page and call the API
    StaffSession.Page page = browser.get("/console");
    StaffSession.Page api = browser.api("GET", "/api/registration/cycles", null, false);

    // then both forbid framing, inline script and caching
    for (StaffSession.Page answer : new StaffSession.Page[] {page, api}) {
      assertThat(answer.header("Content-Security-Policy"))
          .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
      assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(answer.header("Cache-Control")).contains("no-store");
    }
    assertThat(page.header("Set-Cookie")).doesNotContain("service-cookie");
  }

  @Test
  void shouldAskForTheAuthenticatorCodeAndRefuseACodeUsedBefore() {
    // given a coordinator who turned on the second factor
    TestAccounts.Account coordinator = TestAccounts.ready(accounts, StaffRole.COORDINATOR);
    String secret = accounts.startTotp(coordinator.email());
    long step = Totp.step(Instant.now());
    accounts.confirmTotp(coordinator.email(), Totp.code(secret, step));

    // when they sign in with the password
    StaffSession browser = new StaffSession(port);
    StaffSession.Page password = browser.signIn(coordinator.email(), coordinator.password());

    // then the code is asked for, and the code already used to confirm does not work again
    assertThat(password.location()).endsWith("/login/code");
    browser.get("/login/code");
    StaffSession.Page replay = browser.post("/login/code", Map.of("code", Totp.code(secret, step)));
    assertThat(replay.status()).isEqualTo(401);
    StaffSession.Page next =
        browser.post("/login/code", Map.of("code", Totp.code(secret, step + 1)));
    assertThat(next.location()).endsWith("/console");
    assertThat(browser.get("/console").status()).isEqualTo(200);
  }

  @Test
  void shouldEndTheSessionsOfADisabledAccount() {
    // given a signed-in viewer
    TestAccounts.Account viewer = TestAccounts.ready(accounts, StaffRole.VIEWER);
    StaffSession browser = new StaffSession(port);
    browser.signIn(viewer.email(), viewer.password());
    assertThat(browser.get("/console").status()).isEqualTo(200);

    // when an administrator disables the account
    accounts.setDisabled(viewer.email(), true, "admin@penpals.test");
    sessions.forget(viewer.email());

    // then their next request is sent to sign in again
    StaffSession.Page next = browser.get("/console");
    assertThat(next.status()).isEqualTo(302);
    assertThat(next.location()).contains("/login?expired");
    assertThat(browser.api("GET", "/api/registration/cycles", null, false).status()).isEqualTo(401);
  }

  @Test
  void shouldGiveScriptsAShortLivedTokenThatWorksAsABearer() {
    // given a signed-in coordinator
    TestAccounts.Account coordinator = TestAccounts.ready(accounts, StaffRole.COORDINATOR);
    StaffSession browser = new StaffSession(port);
    browser.signIn(coordinator.email(), coordinator.password());
    browser.get("/console");

    // when they ask for an API token
    StaffSession.Page issued = browser.api("POST", "/api/gateway/token", null, true);

    // then it opens the API without a session
    assertThat(issued.status()).isEqualTo(200);
    String token = JSON.readTree(issued.body()).path("token").asString();
    var api = new org.penpals.platform.testkit.Api(port);
    assertThat(api.get("/api/matching/cycles/c-1/runs", token).status()).isEqualTo(200);
    assertThat(api.get("/api/gateway/me", token).body()).contains(coordinator.email());
  }

  @Test
  void shouldLockAfterRepeatedBadPasswordsWithoutRevealingWhetherTheEmailExists() {
    // given a coordinator, and an email nobody has
    TestAccounts.Account coordinator = TestAccounts.ready(accounts, StaffRole.COORDINATOR);
    String unknown = "nobody-" + coordinator.staffId() + "@penpals.test";

    // when each gets five wrong passwords (the limit), then the coordinator's right one
    java.util.List<StaffSession.Page> known = new java.util.ArrayList<>();
    java.util.List<StaffSession.Page> stranger = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      stranger.add(new StaffSession(port).signIn(unknown, "wrong password " + i));
    }
    stranger.add(new StaffSession(port).signIn(unknown, coordinator.password()));
    for (int i = 0; i < 5; i++) {
      known.add(new StaffSession(port).signIn(coordinator.email(), "wrong password " + i));
    }
    StaffSession.Page lockedOut =
        new StaffSession(port).signIn(coordinator.email(), coordinator.password());

    // then the right password is refused while locked, and every answer is the same for both
    assertThat(lockedOut.status()).isEqualTo(401);
    assertThat(lockedOut.header("Set-Cookie")).doesNotContain("penpals_staff=");
    known.add(lockedOut);
    for (int i = 0; i < known.size(); i++) {
      assertThat(known.get(i).status()).isEqualTo(401).isEqualTo(stranger.get(i).status());
      assertThat(errorOf(known.get(i)))
          .isEqualTo(errorOf(stranger.get(i)))
          .contains("Sign-in failed");
    }
  }

  private static String errorOf(StaffSession.Page page) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"signin-error\"[^>]*>([^<]*)<").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }

  @Test
  void shouldPublishItsPublicKeysAsAJwkSet() {
    // when anyone reads the well-known JWK set
    var answer = new org.penpals.platform.testkit.Api(port).get("/.well-known/jwks.json", null);

    // then it holds the signing key, public part only
    JsonNode keys = JSON.readTree(answer.body()).path("keys");
    assertThat(keys.size()).isGreaterThanOrEqualTo(1);
    assertThat(keys.get(0).path("kty").asString()).isEqualTo("RSA");
    assertThat(keys.get(0).path("kid").asString()).isNotBlank();
    assertThat(keys.get(0).has("d")).isFalse();
  }

  private JwtDecoder jwksDecoder() {
    return JwksDecoder.of(port);
  }
}
