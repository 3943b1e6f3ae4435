package org.penpals.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Who may call what, and bad input answered as problems naming the field. */
@PenpalsIntegrationTest
class ApiGuardsIT {
  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(port);
  }

  static final String WHAT_IF =
      "{\"partnershipStart\":\"2027-03-01\",\"leftoverPolicy\":\"TRIOS\",\"candidates\":["
          + "{\"id\":\"a\",\"country\":\"BG\",\"timeZone\":\"Europe/Sofia\",\"correspondenceLanguages\":[\"en\"],\"interests\":[\"advocacy\"],\"sector\":\"PUBLIC\",\"yearsInProfession\":3},"
          + "{\"id\":\"b\",\"country\":\"US\",\"timeZone\":\"America/Chicago\",\"correspondenceLanguages\":[\"en\"],\"interests\":[\"advocacy\"],\"sector\":\"ACADEMIC\",\"yearsInProfession\":20},"
          + "{\"id\":\"c\",\"country\":\"KE\",\"timeZone\":\"Africa/Nairobi\",\"correspondenceLanguages\":[\"en\",\"sw\"],\"interests\":[\"open-access\"],\"sector\":\"SCHOOL\",\"yearsInProfession\":8}]}";

  @Test
  void shouldLetStaffReadAndOnlyCoordinatorsAndAdminsChange() {
    String path = "/api/matching/cycles/some-cycle/settings";
    assertThat(api.get(path, null).status()).isEqualTo(401);
    assertThat(api.get(path, TestTokens.participant("p-1")).status()).isEqualTo(403);
    assertThat(api.get(path, TestTokens.staff(Role.VIEWER)).status()).isEqualTo(200);
    assertThat(api.put(path, "{}", TestTokens.staff(Role.VIEWER)).status()).isEqualTo(403);
    assertThat(api.put(path, "{}", TestTokens.staff(Role.COORDINATOR)).status()).isEqualTo(200);
    assertThat(api.post("/api/matching/what-if", WHAT_IF, TestTokens.staff(Role.VIEWER)).status())
        .isEqualTo(403);
    assertThat(api.get(path, TestTokens.expired(Role.ADMIN)).status()).isEqualTo(401);
    assertThat(api.get(path, TestTokens.signedByStranger(Role.ADMIN)).status()).isEqualTo(401);
  }

  @Test
  void shouldLetOnlyParticipantsAskForANewPartnerAndOnlyForThemselves() {
    String path = "/api/matching/participants/me/new-partner";
    String participant = TestTokens.participant("p-guard-" + java.util.UUID.randomUUID());

    assertThat(api.post(path, null, null).status()).isEqualTo(401);
    assertThat(api.get(path, null).status()).isEqualTo(401);
    for (Role staff : List.of(Role.ADMIN, Role.COORDINATOR, Role.VIEWER)) {
      assertThat(api.post(path, null, TestTokens.staff(staff)).status()).isEqualTo(403);
      assertThat(api.get(path, TestTokens.staff(staff)).status()).isEqualTo(403);
    }
    // a participant without a partnership: the endpoint answers, about them only
    assertProblem(api.post(path, null, participant), 404, "partnership");
    assertThat(api.get(path, participant).status()).isEqualTo(404);
    // no other participant's path exists for them
    assertThat(api.get("/api/matching/participants/p-1/new-partner", participant).status())
        .isEqualTo(403);
    assertThat(
            api.get(
                    "/api/matching/participants/me/new-partner",
                    TestTokens.expired(Role.PARTICIPANT))
                .status())
        .isEqualTo(401);
  }

  @Test
  void shouldLetStaffReadNewPartnerRequestsAndOnlyCoordinatorsAndAdminsDecide() {
    String list = "/api/matching/cycles/no-such-cycle/new-partner-requests";
    String approve = list + "/np-1/approve";
    String decline = list + "/np-1/decline";
    String participant = TestTokens.participant("p-1");

    assertThat(api.get(list, null).status()).isEqualTo(401);
    assertThat(api.get(list, participant).status()).isEqualTo(403);
    assertProblem(api.get(list, TestTokens.staff(Role.VIEWER)), 404, "cycleId");
    for (String path : List.of(approve, decline)) {
      assertThat(api.post(path, null, null).status()).isEqualTo(401);
      assertThat(api.post(path, null, participant).status()).isEqualTo(403);
      assertThat(api.post(path, null, TestTokens.staff(Role.VIEWER)).status()).isEqualTo(403);
      assertProblem(api.post(path, "{}", TestTokens.staff(Role.ADMIN)), 404, "requestId");
      assertProblem(api.post(path, null, TestTokens.staff(Role.COORDINATOR)), 404, "requestId");
      assertProblem(
          api.post(path, "{\"note\":7}", TestTokens.staff(Role.COORDINATOR)), 400, "note");
    }
    assertThat(api.post("/api/matching/cycles/x/rematch", null, participant).status())
        .isEqualTo(403);
  }

  @Test
  void shouldMatchAWhatIfCohortWithoutStoringIt() {
    Api.Response response =
        api.post("/api/matching/what-if", WHAT_IF, TestTokens.staff(Role.COORDINATOR));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.get("groups")).hasSize(1);
    assertThat(result.get("groups").get(0).get("members")).hasSize(3); // a trio, no one left out
    assertThat(result.get("quality").get("people").asInt()).isEqualTo(3);
  }

  @Test
  void shouldMatchAWhatIfCohortGivenAsCsv() {
    String csv =
        "id,country,timeZone,correspondenceLanguages,interests,sector,yearsInProfession\n"
            + "a,BG,Europe/Sofia,en,advocacy,PUBLIC,3\n"
            + "b,US,America/Chicago,en;es,advocacy,ACADEMIC,20\n";
    Api.Response response =
        api.send(
            "POST",
            "/api/matching/what-if?partnershipStart=2027-03-01",
            csv,
            "text/csv",
            TestTokens.staff(Role.ADMIN));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("groups")).hasSize(1);
  }

  @Test
  void shouldNameTheFieldsOfBadInput() {
    String coordinator = TestTokens.staff(Role.COORDINATOR);
    assertProblem(
        api.post("/api/matching/what-if", "{\"candidates\":[{\"id\":\"a\"}]}", coordinator),
        400,
        "candidates");
    assertProblem(
        api.post(
            "/api/matching/what-if",
            "{\"candidates\":[{\"id\":\"a\",\"country\":\"BG\",\"timeZone\":\"Mars/Base\"},"
                + "{\"id\":\"a\",\"country\":\"US\",\"timeZone\":\"UTC\"}]}",
            coordinator),
        400,
        "candidates[0].timeZone");
    assertProblem(
        api.put(
            "/api/matching/cycles/x/settings", "{\"weights\":{\"interests\":5000}}", coordinator),
        400,
        "weights.interests");
    assertProblem(
        api.put("/api/matching/cycles/x/settings", "{\"leftoverPolicy\":\"DROP\"}", coordinator),
        400,
        "leftoverPolicy");
    assertProblem(api.post("/api/matching/runs/nope/swap", "{}", coordinator), 400, "first");
    assertProblem(api.get("/api/matching/runs/nope", coordinator), 404, "runId");
    assertProblem(api.post("/api/matching/cycles/nope/runs", null, coordinator), 404, "cycleId");
    assertProblem(api.get("/api/matching/runs/nope/groups?size=0", coordinator), 400, "size");
  }

  static void assertProblem(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.toString()).isTrue();
    JsonNode errors = response.json().get("errors");
    List<String> fields =
        errors == null
            ? List.of()
            : errors.valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).as(response.toString()).contains(field);
  }
}
