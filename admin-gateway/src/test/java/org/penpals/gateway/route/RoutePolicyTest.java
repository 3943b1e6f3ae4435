package org.penpals.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.gateway.staff.StaffRole;

class RoutePolicyTest {
  private final RoutePolicy policy =
      RoutePolicy.standard(List.of("registration", "matching", "prompts", "messaging"));

  @Test
  void shouldLetEveryStaffRoleReadAndOnlyAdminsAndCoordinatorsChange() {
    assertThat(policy.decide(StaffRole.VIEWER, "GET", "/api/registration/cycles").allowed())
        .isTrue();
    assertThat(policy.decide(StaffRole.VIEWER, "POST", "/api/registration/cycles").allowed())
        .isFalse();
    assertThat(
            policy
                .decide(StaffRole.COORDINATOR, "POST", "/api/registration/cycles/c-1/open")
                .allowed())
        .isTrue();
    assertThat(policy.decide(StaffRole.ADMIN, "POST", "/api/matching/runs/r-1/publish").allowed())
        .isTrue();
  }

  @Test
  void shouldNameTheRouteAndItsIdsForTheAuditLog() {
    var decision =
        policy.decide(StaffRole.COORDINATOR, "POST", "/api/registration/cycles/c-9/close");
    assertThat(decision.rule().id()).isEqualTo("registration.cycle.close");
    assertThat(decision.variables()).containsEntry("cycleId", "c-9");
  }

  @Test
  void shouldNeverLetStaffUseTheParticipantsOwnOrPublicRoutes() {
    for (StaffRole role : StaffRole.values()) {
      assertThat(policy.decide(role, "GET", "/api/registration/participants/me").allowed())
          .isFalse();
      assertThat(policy.decide(role, "POST", "/api/registration/cycles/c-1/applications").allowed())
          .isFalse();
      assertThat(policy.decide(role, "POST", "/api/registration/verifications").allowed())
          .isFalse();
      assertThat(policy.decide(role, "GET", "/api/messaging/conversations/p-1/messages").allowed())
          .isFalse();
      assertThat(policy.decide(role, "GET", "/api/prompts/participants/me/prompts").allowed())
          .isFalse();
    }
  }

  @Test
  void shouldLetAnAmbassadorOnlyReadCyclesAndTheirApplicants() {
    StaffRole ambassador = StaffRole.AMBASSADOR;
    assertThat(policy.decide(ambassador, "GET", "/api/registration/cycles").rule().ambassador())
        .isEqualTo(RoutePolicy.AmbassadorAccess.OPEN);
    assertThat(
            policy
                .decide(ambassador, "GET", "/api/registration/cycles/c-1/applications")
                .rule()
                .ambassador())
        .isEqualTo(RoutePolicy.AmbassadorAccess.COUNTRY_QUERY);
    assertThat(
            policy
                .decide(ambassador, "GET", "/api/registration/applications/p-1")
                .rule()
                .ambassador())
        .isEqualTo(RoutePolicy.AmbassadorAccess.PARTICIPANT_READ);
    assertThat(
            policy.decide(ambassador, "GET", "/api/registration/cycles/c-1/statistics").allowed())
        .isFalse();
    assertThat(policy.decide(ambassador, "GET", "/api/matching/cycles/c-1/runs").allowed())
        .isFalse();
    assertThat(policy.decide(ambassador, "POST", "/api/registration/cycles/c-1/open").allowed())
        .isFalse();
  }

  /** A route of the life of a cycle (ADR 0012) and whether only writers may call it. */
  record LifeRoute(String rule, String method, String path, boolean change) {}

  static final List<LifeRoute> LIFE_OF_A_CYCLE =
      List.of(
          new LifeRoute(
              "registration.waitlist", "GET", "/api/registration/cycles/c-9/waitlist", false),
          new LifeRoute(
              "registration.admissions", "POST", "/api/registration/cycles/c-9/admissions", true),
          new LifeRoute(
              "registration.cycle.archive", "POST", "/api/registration/cycles/c-9/archive", true),
          new LifeRoute(
              "matching.new-partner-requests",
              "GET",
              "/api/matching/cycles/c-9/new-partner-requests",
              false),
          new LifeRoute(
              "matching.new-partner-request.approve",
              "POST",
              "/api/matching/cycles/c-9/new-partner-requests/np-7/approve",
              true),
          new LifeRoute(
              "matching.new-partner-request.decline",
              "POST",
              "/api/matching/cycles/c-9/new-partner-requests/np-7/decline",
              true),
          new LifeRoute("matching.settings.get", "GET", "/api/matching/cycles/c-9/settings", false),
          new LifeRoute("matching.settings.put", "PUT", "/api/matching/cycles/c-9/settings", true),
          new LifeRoute("prompts.quiet", "GET", "/api/prompts/cycles/c-9/quiet", false),
          new LifeRoute("prompts.partnership.get", "GET", "/api/prompts/partnerships/ps-7", false),
          new LifeRoute("prompts.settings.put", "PUT", "/api/prompts/cycles/c-9/settings", true),
          new LifeRoute(
              "messaging.announcements.list",
              "GET",
              "/api/messaging/cycles/c-9/announcements",
              false),
          new LifeRoute(
              "messaging.announcement.get",
              "GET",
              "/api/messaging/cycles/c-9/announcements/an-7",
              false),
          new LifeRoute(
              "messaging.announcement.create",
              "POST",
              "/api/messaging/cycles/c-9/announcements",
              true),
          new LifeRoute(
              "messaging.announcement.preview",
              "POST",
              "/api/messaging/cycles/c-9/announcements/preview",
              true),
          new LifeRoute(
              "messaging.announcement.cancel",
              "DELETE",
              "/api/messaging/cycles/c-9/announcements/an-7",
              true));

  @Test
  void shouldLetAdminsAndCoordinatorsRunTheLifeOfACycleAndViewersOnlyLook() {
    for (LifeRoute route : LIFE_OF_A_CYCLE) {
      for (StaffRole role : List.of(StaffRole.ADMIN, StaffRole.COORDINATOR, StaffRole.VIEWER)) {
        // when a staff member of that role calls the route
        var decision = policy.decide(role, route.method(), route.path());

        // then its own rule decides: writers change, every staff role reads
        assertThat(decision.rule()).as(route.rule()).isNotNull();
        assertThat(decision.rule().id()).isEqualTo(route.rule());
        boolean expected = !route.change() || role != StaffRole.VIEWER;
        assertThat(decision.allowed()).as("%s %s", role, route.rule()).isEqualTo(expected);
        if (!expected) {
          assertThat(decision.reason()).isEqualTo("VIEWER may not do this");
        }
      }
    }
  }

  @Test
  void shouldKeepAmbassadorsOutOfTheLifeOfACycleWhoseAnswersNameEveryCountry() {
    for (LifeRoute route : LIFE_OF_A_CYCLE) {
      // when an ambassador calls it
      var decision = policy.decide(StaffRole.AMBASSADOR, route.method(), route.path());

      // then it is refused: the waitlist, the quiet reports, the requests and the announcements
      // name people of every country and none of these routes can be narrowed to a country
      assertThat(decision.allowed()).as(route.rule()).isFalse();
      assertThat(decision.rule().ambassador()).isEqualTo(RoutePolicy.AmbassadorAccess.NONE);
    }
    // while the cycle itself (now with its stage, dates and counts, no participant's data) stays
    // open to them
    assertThat(policy.decide(StaffRole.AMBASSADOR, "GET", "/api/registration/cycles/c-9").allowed())
        .isTrue();
  }

  @Test
  void shouldNameTheNewRoutesAndTheirIdsForTheAuditLog() {
    var admission =
        policy.decide(StaffRole.COORDINATOR, "POST", "/api/registration/cycles/c-9/admissions");
    var approval =
        policy.decide(
            StaffRole.ADMIN, "POST", "/api/matching/cycles/c-9/new-partner-requests/np-7/approve");
    var cancel =
        policy.decide(StaffRole.ADMIN, "DELETE", "/api/messaging/cycles/c-9/announcements/an-7");

    assertThat(admission.variables()).containsEntry("cycleId", "c-9");
    assertThat(approval.variables())
        .containsEntry("cycleId", "c-9")
        .containsEntry("requestId", "np-7");
    assertThat(cancel.variables())
        .containsEntry("cycleId", "c-9")
        .containsEntry("announcementId", "an-7");
  }

  @Test
  void shouldNeverLetStaffUseTheParticipantsNewEndpoints() {
    List<String[]> participants =
        List.of(
            new String[] {"POST", "/api/matching/participants/me/new-partner"},
            new String[] {"GET", "/api/matching/participants/me/new-partner"},
            new String[] {"POST", "/api/prompts/participants/me/report-quiet"},
            new String[] {"GET", "/api/prompts/participants/me/report-quiet"},
            new String[] {"GET", "/api/prompts/participants/me/prompts"},
            new String[] {"GET", "/api/messaging/participants/me/notices"},
            new String[] {"GET", "/api/messaging/participants/me/partnership"},
            new String[] {"GET", "/api/registration/participants/me"},
            new String[] {"POST", "/api/registration/participants/me/withdrawal"},
            new String[] {"POST", "/api/registration/sign-in-links"},
            new String[] {"POST", "/api/registration/sign-in-links/redemptions"});
    for (StaffRole role : StaffRole.values()) {
      for (String[] call : participants) {
        var decision = policy.decide(role, call[0], call[1]);
        assertThat(decision.allowed()).as("%s %s %s", role, call[0], call[1]).isFalse();
        assertThat(decision.reason()).isEqualTo("not a staff route");
      }
    }
  }

  @Test
  void shouldRefuseWhatNoRuleNames() {
    assertThat(policy.decide(StaffRole.ADMIN, "GET", "/api/unknown/things").allowed()).isFalse();
    assertThat(policy.decide(StaffRole.ADMIN, "OPTIONS", "/api/registration/cycles").allowed())
        .isFalse();
  }

  @Test
  void shouldHaveAnExampleThatMatchesEveryRule() {
    for (RoutePolicy.Rule rule : policy.rules()) {
      String method = rule.methods().iterator().next();
      assertThat(policy.decide(StaffRole.ADMIN, method, rule.example()).rule())
          .as(rule.id())
          .isNotNull();
    }
  }
}
