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
