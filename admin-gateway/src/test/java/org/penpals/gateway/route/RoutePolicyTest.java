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
