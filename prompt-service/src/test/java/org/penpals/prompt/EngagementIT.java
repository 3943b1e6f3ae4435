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
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.messaging.PartnerMessagePosted;
import org.penpals.contracts.prompts.CheckInAnswered;
import org.penpals.contracts.prompts.PartnershipQuiet;
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

/** Check-in answers, quiet partnerships and reported silences. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementIT {
  @Autowired ApplicationContext context;
  @LocalServerPort int port;
  Programme programme;
  Api api;
  final Upstream upstream = new Upstream();
  final String coordinator = TestTokens.staff(Role.COORDINATOR);

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

  static ProgrammeCalendar weekly(LocalDate start) {
    return new ProgrammeCalendar(start, 17, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
  }

  /** Moves week by week to just after prompt {@code n} reached every zone used here. */
  void throughWeek(LocalDate start, int n) {
    for (int week = 1; week <= n; week++) {
      Instant latest = weekly(start).dueAt(week, ZoneId.of("Pacific/Honolulu"));
      programme.moveTo(latest.plusSeconds(60));
    }
  }

  PartnershipFormed planned(String cycleId, PartnershipMember a, PartnershipMember b) {
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), a, b);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);
      return p;
    }
  }

  @Test
  void shouldRecordCheckInsAndFlagPartnershipsWhereNobodyAnsweredAWeekLater() {
    // given two partnerships of a cycle whose check-in (prompt 3) has gone out
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember answering = member("Europe/Rome", "en");
    PartnershipFormed engaged = planned(cycleId, answering, member("Pacific/Honolulu", "en"));
    PartnershipFormed silent =
        planned(cycleId, member("Asia/Kolkata", "en"), member("Pacific/Honolulu", "en"));
    throughWeek(start, 3);

    try (TopicReader engagement = TopicReader.fromNow(Topics.PROMPT_ENGAGEMENT)) {
      // when one member of the first answers "we have connected"
      Api.Response answer =
          api.post(
              "/api/prompts/participants/me/answers",
              "{\"week\": 3, \"connected\": true}",
              TestTokens.participant(answering.participantId()));

      // then the answer is recorded and published
      assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
      assertThat(answer.json().get("kind").asString()).isEqualTo("CHECK_IN");
      CheckInAnswered answered =
          engagement
              .await(
                  TopicReader.event(PromptEvents.CHECK_IN_ANSWERED.type(), engaged.partnershipId()),
                  1)
              .get(0)
              .as(CheckInAnswered.class);
      assertThat(answered.participantId()).isEqualTo(answering.participantId());
      assertThat(answered.connected()).isTrue();
      assertThat(answered.week()).isEqualTo(3);
      assertThat(
              api.post(
                      "/api/prompts/participants/me/answers",
                      "{\"week\": 3, \"connected\": false}",
                      TestTokens.participant(answering.participantId()))
                  .status())
          .as("answered twice")
          .isEqualTo(409);

      // and the cycle's engagement counts every member's prompts 1-3 and the one answer
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Api.Response figures =
                    api.get("/api/prompts/cycles/" + cycleId + "/engagement", coordinator);
                assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
                JsonNode weeks = figures.json().get("weeks");
                assertThat(weeks.size()).isEqualTo(3);
                for (int week = 1; week <= 3; week++) {
                  JsonNode row = weeks.get(week - 1);
                  assertThat(row.get("number").asInt()).isEqualTo(week);
                  assertThat(row.get("promptsSent").asLong()).as("week %d", week).isEqualTo(4);
                  assertThat(row.get("late").asLong()).isZero();
                  assertThat(row.get("answers").asLong()).isEqualTo(week == 3 ? 1 : 0);
                }
              });
      assertThat(
              api.get(
                      "/api/prompts/cycles/" + cycleId + "/engagement",
                      TestTokens.participant(answering.participantId()))
                  .status())
          .as("a participant")
          .isEqualTo(403);

      // when a week passes after the check-in
      programme.moveTo(
          weekly(start)
              .dueAt(3, ZoneId.of("Pacific/Honolulu"))
              .plus(Duration.ofDays(7))
              .plusSeconds(120));

      // then only the silent partnership is flagged, as an event and for coordinators
      PartnershipQuiet quiet =
          engagement
              .await(
                  TopicReader.event(PromptEvents.PARTNERSHIP_QUIET.type(), silent.partnershipId()),
                  1)
              .get(0)
              .as(PartnershipQuiet.class);
      assertThat(quiet.reason()).isEqualTo("NO_CHECK_IN");
      assertThat(engagement.drain(Duration.ofMillis(300)))
          .filteredOn(
              TopicReader.event(PromptEvents.PARTNERSHIP_QUIET.type(), engaged.partnershipId()))
          .isEmpty();
      JsonNode flagged = api.get("/api/prompts/cycles/" + cycleId + "/quiet", coordinator).json();
      assertThat(flagged.valueStream().map(q -> q.get("partnershipId").asString()))
          .containsExactly(silent.partnershipId());
      assertThat(flagged.get(0).get("flags").get(0).get("reason").asString())
          .isEqualTo("NO_CHECK_IN");
    }
  }

  @Test
  void shouldFlagAReportedSilenceTheReportedPartnerLeftUnansweredForTheGracePeriod() {
    // given a cycle whose coordinators allow two days' grace, and two partnerships under way
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember reporter = member("Europe/Madrid", "es");
    PartnershipFormed ignored = planned(cycleId, reporter, member("Pacific/Honolulu", "en"));
    PartnershipMember otherReporter = member("Africa/Accra", "en");
    PartnershipMember writer = member("Pacific/Honolulu", "en");
    PartnershipFormed answered = planned(cycleId, otherReporter, writer);
    assertThat(
            api.put(
                    "/api/prompts/cycles/" + cycleId + "/settings",
                    "{\"reportGraceDays\": 2}",
                    coordinator)
                .status())
        .isEqualTo(200);
    throughWeek(start, 1);

    try (TopicReader engagement = TopicReader.fromNow(Topics.PROMPT_ENGAGEMENT)) {
      // when a member of each presses "my partner has gone quiet"
      Api.Response report =
          api.post(
              "/api/prompts/participants/me/report-quiet",
              "{\"note\": \"No reply to three messages\"}",
              TestTokens.participant(reporter.participantId()));
      assertThat(report.status()).as(report.toString()).isEqualTo(202);
      assertThat(
              Duration.between(
                  Instant.parse(report.json().get("reportedAt").asString()),
                  Instant.parse(report.json().get("checkAt").asString())))
          .isEqualTo(Duration.ofDays(2));
      assertThat(
              api.post(
                      "/api/prompts/participants/me/report-quiet",
                      null,
                      TestTokens.participant(otherReporter.participantId()))
                  .status())
          .isEqualTo(202);
      // and the second one's partner writes to them (messaging) within the grace period
      programme.advance(Duration.ofHours(12));
      upstream.send(
          new PartnerMessagePosted(
              "m-" + UUID.randomUUID(),
              answered.partnershipId(),
              cycleId,
              writer.participantId(),
              Instant.now()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get("/api/prompts/partnerships/" + answered.partnershipId(), coordinator)
                      .json()
                      .get("members")
                      .valueStream()
                      .anyMatch(m -> m.get("lastActiveAt") != null));

      // then, once the grace period is over, only the unanswered one is flagged REPORTED
      programme.advance(Duration.ofDays(2));
      PartnershipQuiet quiet =
          engagement
              .await(
                  TopicReader.event(PromptEvents.PARTNERSHIP_QUIET.type(), ignored.partnershipId()),
                  1)
              .get(0)
              .as(PartnershipQuiet.class);
      assertThat(quiet.reason()).isEqualTo("REPORTED");
      List<String> reportStatuses =
          api.get("/api/prompts/partnerships/" + answered.partnershipId(), coordinator)
              .json()
              .get("reports")
              .valueStream()
              .map(r -> r.get("status").asString())
              .toList();
      assertThat(reportStatuses).containsExactly("RESOLVED");
      assertThat(engagement.drain(Duration.ofMillis(300)))
          .filteredOn(
              TopicReader.event(PromptEvents.PARTNERSHIP_QUIET.type(), answered.partnershipId()))
          .isEmpty();
    }
  }

  @Test
  void shouldRefuseAnswersToTopicsToPromptsNotYetSentAndIncompleteCheckIns() {
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember me = member("Europe/Paris", "fr");
    planned(cycleId, me, member("Pacific/Honolulu", "en"));
    throughWeek(start, 3);
    String token = TestTokens.participant(me.participantId());

    assertProblem(
        api.post(
            "/api/prompts/participants/me/answers", "{\"week\": 2, \"connected\": true}", token),
        400,
        "week");
    assertProblem(
        api.post("/api/prompts/participants/me/answers", "{\"week\": 9, \"rating\": 4}", token),
        409,
        "week");
    assertProblem(
        api.post("/api/prompts/participants/me/answers", "{\"week\": 3}", token), 400, "connected");
    assertProblem(
        api.post("/api/prompts/participants/me/answers", "{\"week\": \"three\"}", token),
        400,
        "week");
    assertProblem(api.post("/api/prompts/participants/me/answers", "{}", token), 400, "week");
    assertProblem(
        api.post("/api/prompts/participants/me/answers", "{\"week\": 99}", token), 400, "week");
    assertProblem(
        api.post("/api/prompts/participants/me/answers", "{\"week\": 20}", token), 400, "week");
  }

  static void assertProblem(Api.Response response, int status, String field) {
    ApiGuardsIT.assertProblem(response, status, field);
  }
}
