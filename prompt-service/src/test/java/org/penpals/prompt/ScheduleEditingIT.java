package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.prompt.support.Upstream.member;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PromptDue;
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

/** Staff write the library and edit a cycle's schedule until each prompt is sent. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleEditingIT {
  @Autowired ApplicationContext context;
  @LocalServerPort int port;
  Programme programme;
  Api api;
  final Upstream upstream = new Upstream();
  final String coordinator = TestTokens.staff(Role.COORDINATOR);
  final String viewer = TestTokens.staff(Role.VIEWER);

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
  void shouldSeedTheDefaultProgrammeOnceWithSpanishAndFrench() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/prompts/library", viewer).json().size() >= 21);
    JsonNode library = api.get("/api/prompts/library", viewer).json();

    assertThat(library.valueStream().filter(p -> "PROMPT".equals(p.get("kind").asString())))
        .hasSizeGreaterThanOrEqualTo(17);
    assertThat(library.get(0).get("title").asString()).isEqualTo("Getting to know each other");
    assertThat(library.get(0).get("translations").get("es").get("title").asString())
        .isEqualTo("Conocerse");
    assertThat(library.get(0).get("translations").get("fr").get("title").asString())
        .isEqualTo("Faire connaissance");
    assertThat(library.valueStream().map(p -> p.get("id").asString()).distinct())
        .hasSize(library.size());
  }

  @Test
  void shouldLetStaffAddAndEditLibraryPromptsAndNameBadFields() {
    String id = "topic-test-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"id\":\""
            + id
            + "\",\"kind\":\"PROMPT\",\"title\":\"Open access\",\"body\":\"What does open access"
            + " look like where you work?\",\"theme\":\"collections\",\"position\":40,"
            + "\"translations\":{\"es\":{\"title\":\"Acceso abierto\",\"body\":\"¿Cómo es?\"}}}";

    Api.Response created = api.post("/api/prompts/library", body, coordinator);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.location()).endsWith("/api/prompts/library/" + id);
    assertThat(api.post("/api/prompts/library", body, coordinator).status()).isEqualTo(409);
    Api.Response edited =
        api.put(
            "/api/prompts/library/" + id,
            "{\"title\":\"Open access, open science\",\"body\":\"Tell each other.\","
                + "\"theme\":\"collections\",\"position\":40}",
            coordinator);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(api.get("/api/prompts/library/" + id, viewer).json().get("title").asString())
        .isEqualTo("Open access, open science");
    assertThat(api.post("/api/prompts/library", body, viewer).status()).isEqualTo(403);

    ApiGuardsIT.assertProblem(
        api.post(
            "/api/prompts/library",
            "{\"kind\":\"PROMPT\",\"body\":\"b\",\"theme\":\"t\",\"position\":1}",
            coordinator),
        400,
        "title");
    ApiGuardsIT.assertProblem(
        api.post(
            "/api/prompts/library",
            "{\"kind\":\"SPACE\",\"title\":\"t\",\"body\":\"b\",\"theme\":\"t\",\"position\":1}",
            coordinator),
        400,
        "kind");
    ApiGuardsIT.assertProblem(
        api.post(
            "/api/prompts/library",
            "{\"kind\":\"PROMPT\",\"title\":\"t\",\"body\":\"b\",\"theme\":\"t\",\"position\":1,"
                + "\"translations\":{\"xx\":{\"title\":\"t\",\"body\":\"b\"}}}",
            coordinator),
        400,
        "translations.xx");
    ApiGuardsIT.assertProblem(
        api.put("/api/prompts/library/" + id, "{\"kind\":\"CHECK_IN\"}", coordinator), 400, "kind");
    ApiGuardsIT.assertProblem(api.get("/api/prompts/library/nope", viewer), 404, "promptId");
  }

  @Test
  void shouldLetStaffEditAPromptUntilItIsSentAndSendTheEditedText() {
    // given a cycle whose schedule was made at its first partnership
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember a = member("Europe/Warsaw", "en");
    PartnershipMember b = member("America/Sao_Paulo", "es");
    ProgrammeCalendar calendar =
        new ProgrammeCalendar(start, 17, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), a, b);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);
      JsonNode schedule = api.get("/api/prompts/cycles/" + cycleId + "/schedule", viewer).json();
      assertThat(schedule.get("prompts").asInt()).isEqualTo(17);
      assertThat(schedule.get("weeks").get(2).get("kind").asString()).isEqualTo("CHECK_IN");
      assertThat(schedule.get("weeks").get(0).get("status").asString()).isEqualTo("EDITABLE");
      assertThat(schedule.get("weeks").get(0).get("date").asString()).isEqualTo(start.toString());

      // when staff rewrite prompt 2 and give prompt 4 another library topic
      Api.Response edited =
          api.put(
              "/api/prompts/cycles/" + cycleId + "/schedule/2",
              "{\"title\":\"Your library, in pictures\",\"translations\":{\"es\":{\"title\":"
                  + "\"Tu biblioteca en imágenes\",\"body\":\"Comparte fotos.\"}}}",
              coordinator);
      assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
      Api.Response swapped =
          api.put(
              "/api/prompts/cycles/" + cycleId + "/schedule/4",
              "{\"promptId\":\"topic-17-looking-after-yourself\"}",
              coordinator);
      assertThat(swapped.status()).as(swapped.toString()).isEqualTo(200);
      assertThat(swapped.json().get("topic").get("promptId").asString())
          .isEqualTo("topic-17-looking-after-yourself");

      // and prompts 1 and 2 go out
      programme.moveTo(calendar.dueAt(1, ZoneId.of("America/Sao_Paulo")).plusSeconds(60));
      programme.moveTo(calendar.dueAt(2, ZoneId.of("America/Sao_Paulo")).plusSeconds(60));
      var due =
          deliveries
              .await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 4)
              .stream()
              .map(r -> r.as(PromptDue.class))
              .filter(d -> d.week() == 2)
              .toList();

      // then they carry the edited text, and sent prompts can no longer change
      assertThat(due).hasSize(2);
      assertThat(due.get(0).prompt().title()).isEqualTo("Your library, in pictures");
      assertThat(due.get(0).prompt().translations().get("es").title())
          .isEqualTo("Tu biblioteca en imágenes");
      ApiGuardsIT.assertProblem(
          api.put(
              "/api/prompts/cycles/" + cycleId + "/schedule/1",
              "{\"title\":\"Too late\"}",
              coordinator),
          409,
          "number");
      assertThat(
              api.get("/api/prompts/cycles/" + cycleId + "/schedule/1", viewer)
                  .json()
                  .get("status")
                  .asString())
          .isEqualTo("SENT");
      assertThat(
              api.put(
                      "/api/prompts/cycles/" + cycleId + "/schedule/5",
                      "{\"title\":\"Viewers cannot\"}",
                      viewer)
                  .status())
          .isEqualTo(403);

      // and bad edits are answered naming the field
      ApiGuardsIT.assertProblem(
          api.put(
              "/api/prompts/cycles/" + cycleId + "/schedule/5",
              "{\"promptId\":\"checkin-have-you-connected\"}",
              coordinator),
          400,
          "promptId");
      ApiGuardsIT.assertProblem(
          api.put(
              "/api/prompts/cycles/" + cycleId + "/schedule/5",
              "{\"touchpoint\":{\"title\":\"x\"}}",
              coordinator),
          400,
          "touchpoint");
      ApiGuardsIT.assertProblem(
          api.put("/api/prompts/cycles/" + cycleId + "/schedule/5", "{}", coordinator),
          400,
          "body");
      ApiGuardsIT.assertProblem(
          api.put(
              "/api/prompts/cycles/" + cycleId + "/schedule/5",
              "{\"title\":\"" + "x".repeat(201) + "\"}",
              coordinator),
          400,
          "title");
      ApiGuardsIT.assertProblem(
          api.put(
              "/api/prompts/cycles/" + cycleId + "/schedule/18", "{\"title\":\"x\"}", coordinator),
          404,
          "number");
      ApiGuardsIT.assertProblem(
          api.get("/api/prompts/cycles/" + cycleId + "/schedule/first", viewer), 400, "number");
      ApiGuardsIT.assertProblem(
          api.get("/api/prompts/cycles/no-such-cycle/schedule", viewer), 404, "cycleId");
      ApiGuardsIT.assertProblem(
          api.put(
              "/api/prompts/cycles/" + cycleId + "/settings",
              "{\"reportGraceDays\":0}",
              coordinator),
          400,
          "reportGraceDays");
    }
  }
}
