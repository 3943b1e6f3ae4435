package org.penpals.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.penpals.gateway.audit.AuditEntry;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.route.RoutePolicy;
import org.penpals.gateway.support.BearerClient;
import org.penpals.gateway.support.GatewayIntegrationTest;
import org.penpals.gateway.support.JwksDecoder;
import org.penpals.gateway.support.StubServices;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Every route through the gateway, with every kind of caller: no token, an expired one, one signed
 * by another key, one from another issuer, a participant's, each staff role, and a country
 * ambassador inside and outside their countries. The expectations are written out here, not read
 * from the route table, and the test checks that they cover every rule of it. Every change request
 * made here must be in the audit log.
 */
@GatewayIntegrationTest
class AuthorizationMatrixIT {
  private static final Set<String> ALL = Set.of("ADMIN", "COORDINATOR", "VIEWER");
  private static final Set<String> WRITE = Set.of("ADMIN", "COORDINATOR");
  private static final Set<String> NOBODY = Set.of();

  /** A route and who may use it; {@code ambassador}: none, open, country or participant. */
  record Route(String rule, String method, String path, Set<String> roles, String ambassador) {}

  static final List<Route> ROUTES = new ArrayList<>();

  static {
    String r = "/api/registration";
    add("registration.taxonomy", "GET", r + "/taxonomy", ALL, "open");
    add("registration.cycles.open", "GET", r + "/cycles/open", ALL, "open");
    add("registration.cycles.list", "GET", r + "/cycles", ALL, "open");
    add("registration.cycle.get", "GET", r + "/cycles/c-1", ALL, "open");
    add("registration.applicants.search", "GET", r + "/cycles/c-1/applications", ALL, "country");
    add(
        "registration.applicants.export",
        "GET",
        r + "/cycles/c-1/applications.csv",
        ALL,
        "country");
    add("registration.statistics", "GET", r + "/cycles/c-1/statistics", ALL, "none");
    add("registration.applicant.get", "GET", r + "/applications/p-bg", ALL, "participant");
    add("registration.cycle.create", "POST", r + "/cycles", WRITE, "none");
    add("registration.cycle.edit", "PUT", r + "/cycles/c-1", WRITE, "none");
    add("registration.cycle.open", "POST", r + "/cycles/c-1/open", WRITE, "none");
    add("registration.cycle.close", "POST", r + "/cycles/c-1/close", WRITE, "none");
    add("registration.applicants.import", "POST", r + "/cycles/c-1/imports", WRITE, "none");
    add("registration.waitlist", "GET", r + "/cycles/c-1/waitlist", ALL, "none");
    add("registration.admissions", "POST", r + "/cycles/c-1/admissions", WRITE, "none");
    add("registration.cycle.archive", "POST", r + "/cycles/c-1/archive", WRITE, "none");
    add("registration.apply", "POST", r + "/cycles/c-1/applications", NOBODY, "none");
    add("registration.verification", "POST", r + "/verifications", NOBODY, "none");
    add("registration.sign-in-links", "POST", r + "/sign-in-links", NOBODY, "none");
    String m = "/api/matching";
    String c = m + "/cycles/c-1";
    add("matching.pool", "GET", c + "/pool", ALL, "none");
    add("matching.settings.get", "GET", c + "/settings", ALL, "none");
    add("matching.settings.put", "PUT", c + "/settings", WRITE, "none");
    add("matching.runs.list", "GET", c + "/runs", ALL, "none");
    add("matching.run.start", "POST", c + "/runs", WRITE, "none");
    add("matching.explain", "POST", c + "/explain", WRITE, "none");
    add("matching.adjustments", "GET", c + "/adjustments", ALL, "none");
    add("matching.lock", "POST", c + "/locks", WRITE, "none");
    add("matching.unlock", "DELETE", c + "/locks", WRITE, "none");
    add("matching.forbid", "POST", c + "/forbids", WRITE, "none");
    add("matching.allow", "DELETE", c + "/forbids", WRITE, "none");
    add("matching.partnerships", "GET", c + "/partnerships", ALL, "none");
    add("matching.waiting", "GET", c + "/waiting", ALL, "none");
    add("matching.partnership.dissolve", "POST", c + "/partnerships/ps-1/dissolve", WRITE, "none");
    add("matching.partnership.hand-pair", "POST", c + "/partnerships", WRITE, "none");
    add("matching.rematch", "POST", c + "/rematch", WRITE, "none");
    add("matching.new-partner-requests", "GET", c + "/new-partner-requests", ALL, "none");
    add(
        "matching.new-partner-request.approve",
        "POST",
        c + "/new-partner-requests/np-1/approve",
        WRITE,
        "none");
    add(
        "matching.new-partner-request.decline",
        "POST",
        c + "/new-partner-requests/np-1/decline",
        WRITE,
        "none");
    add("matching.run.get", "GET", m + "/runs/r-1", ALL, "none");
    add("matching.run.groups", "GET", m + "/runs/r-1/groups", ALL, "none");
    add("matching.run.swap", "POST", m + "/runs/r-1/swap", WRITE, "none");
    add("matching.run.publish", "POST", m + "/runs/r-1/publish", WRITE, "none");
    add("matching.what-if", "POST", m + "/what-if", WRITE, "none");
    String p = "/api/prompts";
    add("prompts.quiet", "GET", p + "/cycles/c-1/quiet", ALL, "none");
    add("prompts.partnership.get", "GET", p + "/partnerships/ps-1", ALL, "none");
    add("prompts.settings.put", "PUT", p + "/cycles/c-1/settings", WRITE, "none");
    String a = "/api/messaging/cycles/c-1/announcements";
    add("messaging.announcements.list", "GET", a, ALL, "none");
    add("messaging.announcement.get", "GET", a + "/an-1", ALL, "none");
    add("messaging.announcement.create", "POST", a, WRITE, "none");
    add("messaging.announcement.preview", "POST", a + "/preview", WRITE, "none");
    add("messaging.announcement.cancel", "DELETE", a + "/an-1", WRITE, "none");
    add(
        "messaging.conversations",
        "GET",
        "/api/messaging/conversations/ps-1/messages",
        NOBODY,
        "none");
    for (String service : StubServices.NAMES) {
      String base = "/api/" + service;
      add(service + ".participant-self", "GET", base + "/participants/me", NOBODY, "none");
      add(service + ".read", "GET", base + "/library", ALL, "none");
      add(service + ".write", "POST", base + "/library", WRITE, "none");
    }
  }

  private static void add(String rule, String method, String path, Set<String> roles, String amb) {
    ROUTES.add(new Route(rule, method, path, roles, amb));
  }

  @LocalServerPort int port;
  @Autowired RoutePolicy policy;
  @Autowired AuditLog audit;

  private final List<String> changes = new ArrayList<>();
  private final Map<String, Integer> changeStatus = new LinkedHashMap<>();

  @Test
  void shouldCoverEveryRuleOfTheRouteTable() {
    Set<String> tested = ROUTES.stream().map(Route::rule).collect(Collectors.toSet());
    Set<String> rules =
        policy.rules().stream().map(RoutePolicy.Rule::id).collect(Collectors.toSet());
    assertThat(tested).isEqualTo(rules);
  }

  @Test
  void shouldRefuseEveryRouteWithoutAValidStaffToken() {
    BearerClient api = new BearerClient(port);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("expired", TestTokens.expired(Role.ADMIN));
    bad.put("signed by another key", TestTokens.signedByStranger(Role.ADMIN));
    bad.put("another issuer", TestTokens.wrongIssuer(Role.ADMIN));
    bad.put("a participant's", TestTokens.participant("p-1"));
    StubServices.get().clear();
    for (Route route : ROUTES) {
      BearerClient.Answer none = call(api, route, route.path(), null);
      assertThat(none.status()).as("no token: %s %s", route.method(), route.path()).isEqualTo(401);
      for (Map.Entry<String, String> token : bad.entrySet()) {
        BearerClient.Answer answer = call(api, route, route.path(), token.getValue());
        assertThat(answer.status())
            .as("%s token: %s %s", token.getKey(), route.method(), route.path())
            .isEqualTo(401);
      }
    }
    assertThat(StubServices.get().received()).isEmpty();
    assertEveryChangeAudited();
  }

  @Test
  void shouldLetEachStaffRoleThroughExactlyWhereAllowed() {
    BearerClient api = new BearerClient(port);
    for (String role : List.of("ADMIN", "COORDINATOR", "VIEWER")) {
      String token = TestTokens.staff(Role.valueOf(role));
      for (Route route : ROUTES) {
        StubServices.get().clear();
        BearerClient.Answer answer = call(api, route, route.path(), token);
        boolean allowed = route.roles().contains(role);
        assertThat(answer.status())
            .as("%s: %s %s", role, route.method(), route.path())
            .isEqualTo(allowed ? 200 : 403);
        if (allowed) {
          StubServices.Received received = StubServices.get().last();
          assertThat(received).as("%s reached the service", route.path()).isNotNull();
          assertThat(received.method()).isEqualTo(route.method());
          assertThat(received.path()).isEqualTo(route.path());
          Jwt relayed = decode(received.authorization());
          assertThat(relayed.getTokenValue()).isNotEqualTo(token);
          assertThat(relayed.getClaimAsStringList("roles")).containsExactly(role);
          assertThat(relayed.getSubject()).isEqualTo("staff-" + role.toLowerCase());
        } else {
          assertThat(StubServices.get().received())
              .as("%s stayed at the gateway", route.path())
              .isEmpty();
        }
      }
    }
    assertEveryChangeAudited();
  }

  @Test
  void shouldKeepACountryAmbassadorToTheirCountries() {
    BearerClient api = new BearerClient(port);
    String bulgaria =
        TestTokens.withClaims(
            "ambassador-bg", List.of(Role.VIEWER), Map.of("countries", List.of("BG")));
    for (Route route : ROUTES) {
      StubServices.get().clear();
      switch (route.ambassador()) {
        case "open" -> {
          assertThat(call(api, route, route.path(), bulgaria).status())
              .as(route.path())
              .isEqualTo(200);
          Jwt relayed = decode(StubServices.get().last().authorization());
          assertThat(relayed.getClaimAsStringList("roles")).containsExactly("VIEWER");
          assertThat(relayed.getClaimAsStringList("countries")).containsExactly("BG");
        }
        case "country" -> {
          // no country: narrowed to theirs; their own: passes; another: refused
          assertThat(call(api, route, route.path(), bulgaria).status()).isEqualTo(200);
          assertThat(StubServices.get().last().query()).isEqualTo("country=BG");
          assertThat(
                  call(api, route, route.path() + "?country=bg&sector=PUBLIC", bulgaria).status())
              .isEqualTo(200);
          assertThat(StubServices.get().last().query()).contains("country=BG", "sector=PUBLIC");
          StubServices.get().clear();
          assertThat(call(api, route, route.path() + "?country=FR", bulgaria).status())
              .isEqualTo(403);
          assertThat(call(api, route, route.path() + "?Country=FR", bulgaria).status())
              .isEqualTo(403);
          assertThat(call(api, route, route.path() + "?country=BG&country=FR", bulgaria).status())
              .isEqualTo(400);
          assertThat(StubServices.get().received()).isEmpty();
        }
        case "participant" -> {
          assertThat(call(api, route, "/api/registration/applications/p-bg", bulgaria).status())
              .isEqualTo(200);
          assertThat(call(api, route, "/api/registration/applications/p-fr", bulgaria).status())
              .isEqualTo(403);
          assertThat(
                  call(api, route, "/api/registration/applications/p-missing", bulgaria).status())
              .isEqualTo(404);
        }
        default ->
            assertThat(call(api, route, route.path(), bulgaria).status())
                .as("ambassador: %s %s", route.method(), route.path())
                .isEqualTo(403);
      }
    }
    assertEveryChangeAudited();
  }

  @Test
  void shouldNeverRelayTheParticipantsOwnEndpointsForStaff() {
    BearerClient api = new BearerClient(port);
    List<String> calls =
        List.of(
            "POST /api/matching/participants/me/new-partner",
            "GET /api/matching/participants/me/new-partner",
            "POST /api/prompts/participants/me/report-quiet",
            "GET /api/prompts/participants/me/report-quiet",
            "GET /api/messaging/participants/me/notices",
            "GET /api/messaging/participants/me/partnership",
            "GET /api/registration/participants/me",
            "POST /api/registration/sign-in-links/redemptions");
    StubServices.get().clear();
    for (String role : List.of("ADMIN", "COORDINATOR", "VIEWER")) {
      for (String call : calls) {
        String[] parts = call.split(" ");
        Route route = new Route("participant", parts[0], parts[1], NOBODY, "none");
        assertThat(this.call(api, route, parts[1], TestTokens.staff(Role.valueOf(role))).status())
            .as("%s: %s", role, call)
            .isEqualTo(403);
      }
    }
    assertThat(StubServices.get().received()).isEmpty();
    assertEveryChangeAudited();
  }

  private BearerClient.Answer call(BearerClient api, Route route, String path, String token) {
    BearerClient.Answer answer = api.send(route.method(), path, token);
    if (!route.method().equals("GET")) {
      assertThat(answer.auditId()).as("audit id of %s %s", route.method(), path).isNotNull();
      changes.add(answer.auditId());
      changeStatus.put(answer.auditId(), answer.status());
    }
    return answer;
  }

  private void assertEveryChangeAudited() {
    assertThat(changes).isNotEmpty();
    for (String id : changes) {
      // written before the call is relayed, completed once its answer went out
      AuditEntry entry =
          org.awaitility.Awaitility.await("audit entry " + id + " completed")
              .atMost(java.time.Duration.ofSeconds(10))
              .until(() -> audit.find(id), e -> e != null && e.status() != 0);
      assertThat(entry.status()).isEqualTo(changeStatus.get(id));
      assertThat(entry.outcome()).isEqualTo(AuditEntry.outcomeOf(entry.status()));
    }
  }

  private Jwt decode(String authorization) {
    assertThat(authorization).startsWith("Bearer ");
    return JwksDecoder.of(port).decode(authorization.substring(7));
  }
}
