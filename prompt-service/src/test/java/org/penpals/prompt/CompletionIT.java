package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.prompt.support.Upstream.member;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.PartnershipCompleted;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.PromptCadence;
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

/**
 * Partnerships that run to the end of their cycle (matching's {@code PartnershipCompleted}):
 * nothing more is sent, open reports close, and what was sent — the final survey above all — can
 * still be answered; dissolved partnerships stay dissolved.
 */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionIT {
  static final String ANSWERS = "/api/prompts/participants/me/answers";
  static final String PROMPTS = "/api/prompts/participants/me/prompts";

  @Autowired ApplicationContext context;
  @LocalServerPort int port;
  Programme programme;
  Api api;
  final Upstream upstream = new Upstream();
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

  /** Three weekly prompts: 2 carries the mid-cycle survey, 3 the final survey. */
  static ProgrammeCalendar threeWeeks(LocalDate start) {
    return new ProgrammeCalendar(start, 3, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
  }

  PartnershipFormed planned(String cycleId, PartnershipMember a, PartnershipMember b) {
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), a, b);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);
      return p;
    }
  }

  void completed(PartnershipFormed p) {
    upstream.send(
        new PartnershipCompleted(
            p.partnershipId(),
            p.cycleId(),
            p.members().stream().map(PartnershipMember::participantId).toList(),
            Instant.now()));
  }

  JsonNode staffView(PartnershipFormed p) {
    return api.get("/api/prompts/partnerships/" + p.partnershipId(), viewer).json();
  }

  void awaitStatus(PartnershipFormed p, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status.equals(staffView(p).get("status").asString()));
  }

  @Test
  void shouldSendNothingMoreAfterCompletionCloseOpenReportsAndStillTakeSurveyAnswers() {
    // given a three-week cycle with two partnerships and a third that was dissolved
    LocalDate start = programme.nextStart();
    String cycleId = upstream.cycle(start, 3, PromptCadence.WEEKLY, DayOfWeek.MONDAY, 9);
    PartnershipMember ana = member("America/Bogota", "es");
    PartnershipMember ben = member("Europe/London", "en");
    PartnershipMember chloe = member("Europe/Paris", "fr");
    PartnershipMember dev = member("Asia/Kolkata", "en");
    PartnershipMember eve = member("Europe/Rome", "en");
    PartnershipMember fay = member("Africa/Lagos", "en");
    PartnershipFormed early = planned(cycleId, ana, ben);
    PartnershipFormed full = planned(cycleId, chloe, dev);
    PartnershipFormed dissolved = planned(cycleId, eve, fay);
    ProgrammeCalendar calendar = threeWeeks(start);
    programme.moveTo(calendar.dueAt(1, ZoneId.of("America/Bogota")).plusSeconds(60));
    programme.moveTo(calendar.dueAt(2, ZoneId.of("America/Bogota")).plusSeconds(60));
    Api.Response report =
        api.post(
            "/api/prompts/participants/me/report-quiet",
            null,
            TestTokens.participant(ana.participantId()));
    assertThat(report.status()).as(report.toString()).isEqualTo(202);
    upstream.dissolved(dissolved, "STAFF", Instant.now());
    awaitStatus(dissolved, "DISSOLVED");

    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      // when the first partnership completes after its mid-cycle survey (twice: a replay), and the
      // dissolved one is told it completed
      completed(early);
      completed(early);
      completed(dissolved);
      awaitStatus(early, "COMPLETED");

      // then its open report is closed and its last prompt will never be sent
      JsonNode view = staffView(early);
      assertThat(view.get("reports").get(0).get("status").asString()).isEqualTo("CLOSED");
      assertThat(view.get("reports").get(0).get("resolvedAt").isNull()).isFalse();
      for (JsonNode plan : view.get("plans")) {
        assertThat(plan.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(plan.get("deliveries").valueStream().map(d -> d.get("status").asString()))
            .containsExactly("SENT", "SENT", "STOPPED");
        assertThat(plan.get("nextDueAt").isNull()).isTrue();
      }
      assertThat(staffView(dissolved).get("status").asString()).isEqualTo("DISSOLVED");

      // when the last week comes and the second partnership completes after its final survey
      programme.moveTo(calendar.dueAt(3, ZoneId.of("America/Bogota")).plusSeconds(60));
      deliveries.await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), full.partnershipId()), 2);
      completed(full);
      awaitStatus(full, "COMPLETED");

      // then nothing more went to the first one
      assertThat(deliveries.drain(Duration.ofMillis(500)))
          .filteredOn(TopicReader.event(PromptEvents.PROMPT_DUE.type(), early.partnershipId()))
          .isEmpty();
    }

    // and the members see their partnership completed, its surveys still answerable
    JsonNode chloes = api.get(PROMPTS, TestTokens.participant(chloe.participantId())).json();
    assertThat(chloes.get("partnershipStatus").asString()).isEqualTo("COMPLETED");
    assertThat(chloes.get("current").get("kind").asString()).isEqualTo("FINAL_SURVEY");
    assertThat(chloes.get("current").get("answerable").asBoolean()).isTrue();
    assertThat(chloes.get("nextNumber").isNull()).isTrue();
    Api.Response finalSurvey =
        api.post(
            ANSWERS,
            "{\"week\": 3, \"rating\": 5, \"comments\": \"Merci !\"}",
            TestTokens.participant(chloe.participantId()));
    assertThat(finalSurvey.status()).as(finalSurvey.toString()).isEqualTo(201);
    assertThat(finalSurvey.json().get("kind").asString()).isEqualTo("FINAL_SURVEY");
    Api.Response midSurvey =
        api.post(
            ANSWERS, "{\"week\": 2, \"rating\": 4}", TestTokens.participant(ben.participantId()));
    assertThat(midSurvey.status()).as(midSurvey.toString()).isEqualTo(201);
    assertThat(
            api.get(PROMPTS, TestTokens.participant(ana.participantId()))
                .json()
                .get("partnershipStatus")
                .asString())
        .isEqualTo("COMPLETED");

    // but the prompt never sent, a report after the end, and a dissolved partnership's survey are
    // refused, writing nothing
    ApiGuardsIT.assertProblem(
        api.post(
            ANSWERS, "{\"week\": 3, \"rating\": 4}", TestTokens.participant(ana.participantId())),
        409,
        "week");
    ApiGuardsIT.assertProblem(
        api.post(
            "/api/prompts/participants/me/report-quiet",
            null,
            TestTokens.participant(dev.participantId())),
        409,
        null);
    JsonNode eves = api.get(PROMPTS, TestTokens.participant(eve.participantId())).json();
    assertThat(eves.get("partnershipStatus").asString()).isEqualTo("DISSOLVED");
    ApiGuardsIT.assertProblem(
        api.post(
            ANSWERS, "{\"week\": 2, \"rating\": 4}", TestTokens.participant(eve.participantId())),
        409,
        "week");
    assertThat(staffView(full).get("reports").size()).isZero();
    assertThat(staffView(dissolved).get("answers").size()).isZero();
    List<String> answered =
        staffView(early)
            .get("answers")
            .valueStream()
            .map(a -> a.get("participantId").asString() + ":" + a.get("number").asInt())
            .toList();
    assertThat(answered).containsExactly(ben.participantId() + ":2");
  }

  @Test
  void shouldRememberACompletionOfAPartnershipNeverSeenFormed() {
    PartnershipFormed unseen =
        new PartnershipFormed(
            "ps-" + UUID.randomUUID(),
            "cycle-" + UUID.randomUUID(),
            List.of(member("Europe/Rome", "en"), member("Asia/Tokyo", "en")),
            42,
            "INITIAL",
            "run-1",
            Instant.now());

    completed(unseen);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/prompts/partnerships/" + unseen.partnershipId(), viewer).status()
                        == 200
                    && "COMPLETED".equals(staffView(unseen).get("status").asString()));
  }
}
