package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.registration.support.ApplicationFixture;
import org.penpals.registration.support.CycleFixture;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every endpoint × every kind of caller: who gets in, who gets 401, who gets 403. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {
  enum Caller {
    ANONYMOUS,
    PARTICIPANT,
    OTHER_PARTICIPANT,
    VIEWER,
    COORDINATOR,
    ADMIN
  }

  static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  static final Set<Caller> PARTICIPANTS = EnumSet.of(Caller.PARTICIPANT, Caller.OTHER_PARTICIPANT);
  static final Set<Caller> STAFF = EnumSet.of(Caller.VIEWER, Caller.COORDINATOR, Caller.ADMIN);
  static final Set<Caller> STAFF_WRITE = EnumSet.of(Caller.COORDINATOR, Caller.ADMIN);

  record Endpoint(
      String method,
      String path,
      Function<AuthorizationMatrixIT, String> body,
      Set<Caller> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @LocalServerPort int port;
  RegistrationApi api;
  String cycleId;

  /** Stays open whatever the matrix does to {@link #cycleId}: participants are made here. */
  String participantsCycle;

  String someParticipant;

  @BeforeAll
  void setUp() {
    api = new RegistrationApi(port);
    cycleId = api.openCycle();
    participantsCycle = api.openCycle();
    someParticipant = api.applied(participantsCycle, anApplication());
  }

  List<Endpoint> endpoints() {
    String b = RegistrationApi.BASE;
    String c = b + "/cycles/" + cycleId;
    Function<AuthorizationMatrixIT, String> none = t -> null;
    return List.of(
        new Endpoint("GET", b + "/taxonomy", none, EVERYONE),
        new Endpoint("GET", b + "/cycles/open", none, EVERYONE),
        new Endpoint(
            "POST",
            b + "/cycles/" + participantsCycle + "/applications",
            t -> anApplication().json(),
            EVERYONE),
        new Endpoint("POST", b + "/verifications", t -> "{\"token\":\"nope\"}", EVERYONE),
        new Endpoint(
            "POST",
            b + "/verifications/resend",
            t -> "{\"cycleId\":\"" + cycleId + "\",\"email\":\"a@example.org\"}",
            EVERYONE),
        new Endpoint("POST", b + "/sign-in-links", t -> "{\"email\":\"a@example.org\"}", EVERYONE),
        new Endpoint(
            "POST",
            b + "/sign-in-links/redemptions",
            t -> "{\"token\":\"" + "A".repeat(43) + "\"}",
            EVERYONE),
        new Endpoint("GET", b + "/participants/me", none, PARTICIPANTS),
        new Endpoint(
            "PUT", b + "/participants/me", t -> anApplication().profileJson(), PARTICIPANTS),
        new Endpoint("GET", b + "/participants/me/export", none, PARTICIPANTS),
        new Endpoint("POST", b + "/participants/me/withdrawal", t -> "{}", PARTICIPANTS),
        new Endpoint("DELETE", b + "/participants/me", none, PARTICIPANTS),
        new Endpoint("GET", b + "/cycles", none, STAFF),
        new Endpoint("GET", c, none, STAFF),
        new Endpoint("GET", c + "/applications", none, STAFF),
        new Endpoint("GET", c + "/applications.csv", none, STAFF),
        new Endpoint("GET", c + "/statistics", none, STAFF),
        new Endpoint("GET", c + "/waitlist", none, STAFF),
        new Endpoint("GET", b + "/applications/" + someParticipant, none, STAFF),
        new Endpoint("POST", b + "/cycles", t -> CycleFixture.aCycle().json(), STAFF_WRITE),
        new Endpoint("PUT", c, t -> CycleFixture.aCycle().json(), STAFF_WRITE),
        new Endpoint("POST", c + "/close", none, STAFF_WRITE),
        new Endpoint("POST", c + "/open", none, STAFF_WRITE),
        new Endpoint("POST", c + "/archive", none, STAFF_WRITE),
        new Endpoint(
            "POST",
            c + "/admissions",
            t -> "{\"participantIds\":[\"" + t.someParticipant + "\"]}",
            STAFF_WRITE),
        new Endpoint("POST", c + "/imports", t -> "Email address,Full name\n", STAFF_WRITE));
  }

  /**
   * A token for the caller; participants get a fresh application each, as destructive calls are in
   * the matrix.
   */
  String token(Caller caller) {
    return switch (caller) {
      case ANONYMOUS -> null;
      case PARTICIPANT, OTHER_PARTICIPANT ->
          TestTokens.participant(
              api.applied(participantsCycle, ApplicationFixture.anApplication()));
      case VIEWER -> TestTokens.staff(Role.VIEWER);
      case COORDINATOR -> TestTokens.staff(Role.COORDINATOR);
      case ADMIN -> TestTokens.staff(Role.ADMIN);
    };
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointForEveryCaller() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      for (Caller caller : Caller.values()) {
        tests.add(
            DynamicTest.dynamicTest(
                endpoint + " as " + caller,
                () -> {
                  String body = endpoint.body().apply(this);
                  String contentType =
                      endpoint.path().endsWith("/imports") ? "text/csv" : "application/json";
                  Api.Response response =
                      api.raw()
                          .send(
                              endpoint.method(), endpoint.path(), body, contentType, token(caller));
                  if (endpoint.allowed().contains(caller)) {
                    assertThat(response.status()).as(response.toString()).isNotIn(401, 403);
                  } else if (caller == Caller.ANONYMOUS) {
                    assertThat(response.status()).as(response.toString()).isEqualTo(401);
                    assertThat(response.isProblem()).isTrue();
                  } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(403);
                    assertThat(response.isProblem()).isTrue();
                  }
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void shouldShowAParticipantOnlyTheirOwnApplication() {
    String mine = api.applied(cycleId, anApplication());
    Api.Response asOther =
        api.raw()
            .get(
                RegistrationApi.BASE + "/participants/me", TestTokens.participant(someParticipant));
    Api.Response asMe =
        api.raw().get(RegistrationApi.BASE + "/participants/me", TestTokens.participant(mine));

    assertThat(asMe.json().get("id").asString()).isEqualTo(mine);
    assertThat(asOther.json().get("id").asString()).isEqualTo(someParticipant).isNotEqualTo(mine);
    // and there is no URL that takes a participant id for participants
    assertThat(
            api.raw()
                .get(
                    RegistrationApi.BASE + "/applications/" + mine,
                    TestTokens.participant(someParticipant))
                .status())
        .isEqualTo(403);
  }

  @Test
  void shouldRejectTokensThatAreExpiredForeignOrFromAnotherIssuer() {
    String path = RegistrationApi.BASE + "/cycles";
    for (String token :
        List.of(
            TestTokens.expired(Role.ADMIN),
            TestTokens.signedByStranger(Role.ADMIN),
            TestTokens.wrongIssuer(Role.ADMIN),
            "not.a.jwt")) {
      Api.Response response = api.raw().get(path, token);
      assertThat(response.status()).as(response.toString()).isEqualTo(401);
      assertThat(response.isProblem()).isTrue();
    }
  }

  @Test
  void shouldTreatAStaffTokenWithoutAParticipantRoleAsNoParticipant() {
    Api.Response response =
        api.raw().get(RegistrationApi.BASE + "/participants/me", TestTokens.staff(Role.ADMIN));
    assertThat(response.status()).isEqualTo(403);
  }
}
