package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.prompt.support.Upstream.member;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.prompt.schedule.domain.Cadence;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;
import org.penpals.prompt.support.Programme;
import org.penpals.prompt.support.Upstream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Who may call what; participants reach only their own partnership; bad input named. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGuardsIT {
  @Autowired ApplicationContext context;
  @LocalServerPort int port;
  Programme programme;
  Api api;
  final Upstream upstream = new Upstream();

  @BeforeAll
  void programme() {
    programme = new Programme(context);
  }

  @BeforeEach
  void api() {
    api = new Api(port);
  }

  @AfterAll
  void close() {
    upstream.close();
  }

  @Test
  void shouldShowAParticipantOnlyTheirOwnPartnershipsPromptsInTheirLanguage() {
    // given two partnerships whose first prompt went out
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember ana = member("America/Bogota", "es");
    PartnershipMember ben = member("Europe/London", "en");
    PartnershipMember chloe = member("Europe/Paris", "fr");
    PartnershipMember dev = member("Asia/Kolkata", "en");
    PartnershipFormed p;
    PartnershipFormed q;
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      p = upstream.formed(cycleId, programme.now(), ana, ben);
      q = upstream.formed(cycleId, programme.now(), chloe, dev);
      deliveries.await(TopicReader.type(PromptEvents.PROMPTS_PLANNED.type()), 2);
      ProgrammeCalendar calendar =
          new ProgrammeCalendar(start, 17, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
      programme.moveTo(calendar.dueAt(1, ZoneId.of("America/Bogota")).plusSeconds(60));
      deliveries.await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 2);
      deliveries.await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), q.partnershipId()), 2);
    }

    // when each asks for their prompts
    JsonNode anas =
        api.get("/api/prompts/participants/me/prompts", TestTokens.participant(ana.participantId()))
            .json();
    JsonNode chloes =
        api.get(
                "/api/prompts/participants/me/prompts",
                TestTokens.participant(chloe.participantId()))
            .json();

    // then each sees their own partnership only, in their own language
    assertThat(anas.get("partnershipId").asString()).isEqualTo(p.partnershipId());
    assertThat(anas.get("current").get("title").asString()).isEqualTo("Conocerse");
    assertThat(anas.get("current").get("week").asInt()).isEqualTo(1);
    assertThat(anas.get("nextNumber").asInt()).isEqualTo(2);
    assertThat(chloes.get("partnershipId").asString()).isEqualTo(q.partnershipId());
    assertThat(chloes.get("current").get("title").asString()).isEqualTo("Faire connaissance");
    // and someone in no partnership reaches nothing: there is no id in these URLs to change
    String stranger = TestTokens.participant("p-stranger");
    assertProblem(api.get("/api/prompts/participants/me/prompts", stranger), 404, null);
    assertThat(api.post("/api/prompts/participants/me/report-quiet", null, stranger).status())
        .isEqualTo(404);
    assertThat(
            api.get(
                    "/api/prompts/participants/me/prompts?participantId=" + ana.participantId(),
                    stranger)
                .status())
        .isEqualTo(404);
  }

  @Test
  void shouldKeepStaffAndParticipantApisApart() {
    String participant = TestTokens.participant("p-1");
    assertThat(api.get("/api/prompts/library", null).status()).isEqualTo(401);
    assertThat(api.get("/api/prompts/library", participant).status()).isEqualTo(403);
    assertThat(api.get("/api/prompts/library", TestTokens.staff(Role.VIEWER)).status())
        .isEqualTo(200);
    assertThat(api.get("/api/prompts/cycles/x/quiet", participant).status()).isEqualTo(403);
    assertThat(
            api.get("/api/prompts/participants/me/prompts", TestTokens.staff(Role.ADMIN)).status())
        .isEqualTo(403);
    assertThat(api.get("/api/prompts/library", TestTokens.expired(Role.ADMIN)).status())
        .isEqualTo(401);
    assertThat(api.get("/api/prompts/library", TestTokens.signedByStranger(Role.ADMIN)).status())
        .isEqualTo(401);
    assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
  }

  @Test
  void shouldLetOnlyAdminsMoveTheDemoClockAndOnlyForward() {
    String admin = TestTokens.staff(Role.ADMIN);
    JsonNode before = api.get("/api/prompts/clock", TestTokens.staff(Role.VIEWER)).json();
    assertThat(before.get("mode").asString()).isEqualTo("demo");

    assertThat(
            api.post(
                    "/api/prompts/clock/advance",
                    "{\"by\":\"PT1H\"}",
                    TestTokens.staff(Role.COORDINATOR))
                .status())
        .isEqualTo(403);
    Api.Response moved = api.post("/api/prompts/clock/advance", "{\"by\":\"PT1H\"}", admin);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(java.time.Instant.parse(moved.json().get("now").asString()))
        .isEqualTo(java.time.Instant.parse(before.get("now").asString()).plusSeconds(3600));

    assertProblem(
        api.post("/api/prompts/clock/advance", "{\"by\":\"seven days\"}", admin), 400, "by");
    assertProblem(api.post("/api/prompts/clock/advance", "{\"by\":\"-PT1H\"}", admin), 400, "by");
    assertProblem(
        api.post("/api/prompts/clock/advance", "{\"to\":\"2020-01-01T00:00:00Z\"}", admin),
        400,
        "to");
    assertProblem(
        api.post(
            "/api/prompts/clock/advance",
            "{\"by\":\"PT1H\",\"to\":\"2030-01-01T00:00:00Z\"}",
            admin),
        400,
        "to");
    assertProblem(api.post("/api/prompts/clock/advance", "{}", admin), 400, "by");
  }

  /** A problem answer with this status naming {@code field} (if given). */
  static void assertProblem(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.toString()).isTrue();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    if (field == null) {
      return;
    }
    JsonNode errors = response.json().get("errors");
    List<String> fields =
        errors == null
            ? List.of()
            : errors.valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).as(response.toString()).contains(field);
  }
}
