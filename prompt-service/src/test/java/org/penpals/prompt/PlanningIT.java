package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.prompt.support.Upstream.member;

import java.nio.charset.StandardCharsets;
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
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.PromptCadence;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
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

/** Planning follows matching and registration: replays, dissolutions, erasures, bad records. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningIT {
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

  static ProgrammeCalendar weekly(LocalDate start) {
    return new ProgrammeCalendar(start, 17, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
  }

  /** Just after every member's prompt {@code n}. */
  static Instant after(ProgrammeCalendar calendar, int n, PartnershipMember... members) {
    Instant latest = Instant.MIN;
    for (PartnershipMember m : members) {
      Instant due = calendar.dueAt(n, ZoneId.of(m.timeZone()));
      latest = due.isAfter(latest) ? due : latest;
    }
    return latest.plusSeconds(60);
  }

  static List<PromptDue> due(List<CloudEventRecord> records, String partnershipId) {
    return records.stream()
        .filter(TopicReader.event(PromptEvents.PROMPT_DUE.type(), partnershipId))
        .map(r -> r.as(PromptDue.class))
        .toList();
  }

  @Test
  void shouldSendNothingMoreToADissolvedPartnership() {
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember a = member("Europe/Sofia", "en");
    PartnershipMember b = member("Africa/Nairobi", "en");
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      // given a partnership that got its first prompt
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), a, b);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);
      programme.moveTo(after(weekly(start), 1, a, b));
      deliveries.await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 2);

      // when matching dissolves it
      upstream.dissolved(p, "WITHDRAWAL", programme.now());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "DISSOLVED"
                      .equals(
                          api.get("/api/prompts/partnerships/" + p.partnershipId(), viewer)
                              .json()
                              .get("status")
                              .asString()));

      // then the following weeks send it nothing
      programme.moveTo(after(weekly(start), 2, a, b));
      programme.moveTo(after(weekly(start), 3, a, b));
      assertThat(due(deliveries.drain(Duration.ofMillis(500)), p.partnershipId())).hasSize(2);
      JsonNode view = api.get("/api/prompts/partnerships/" + p.partnershipId(), viewer).json();
      for (JsonNode plan : view.get("plans")) {
        assertThat(plan.get("status").asString()).isEqualTo("STOPPED");
        List<String> statuses =
            plan.get("deliveries").valueStream().map(d -> d.get("status").asString()).toList();
        assertThat(statuses).hasSize(17).startsWith("SENT");
        assertThat(statuses.subList(1, 17)).containsOnly("STOPPED");
      }
    }
  }

  @Test
  void shouldSendNothingMoreToAnErasedParticipantWhileThePartnerCarriesOn() {
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember erased = member("Europe/Lisbon", "en");
    PartnershipMember partner = member("Asia/Tokyo", "fr");
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), erased, partner);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);
      programme.moveTo(after(weekly(start), 1, erased, partner));
      deliveries.await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 2);

      // when one member erases their data
      upstream.erased(cycleId, erased.participantId());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get("/api/prompts/partnerships/" + p.partnershipId(), viewer)
                      .json()
                      .get("plans")
                      .valueStream()
                      .anyMatch(plan -> "ERASED".equals(plan.get("status").asString())));

      // then only the partner gets the next prompts, and the zone and language are gone
      programme.moveTo(after(weekly(start), 2, erased, partner));
      deliveries.await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 3);
      List<PromptDue> due = due(deliveries.drain(Duration.ofMillis(500)), p.partnershipId());
      assertThat(due).hasSize(3);
      assertThat(due.get(2).participantId()).isEqualTo(partner.participantId());
      JsonNode view = api.get("/api/prompts/partnerships/" + p.partnershipId(), viewer).json();
      JsonNode gone =
          view.get("members")
              .valueStream()
              .filter(m -> erased.participantId().equals(m.get("participantId").asString()))
              .findFirst()
              .orElseThrow();
      assertThat(gone.path("timeZone").isNull() || gone.path("timeZone").isMissingNode()).isTrue();
      assertThat(gone.path("locale").isNull() || gone.path("locale").isMissingNode()).isTrue();
    }
  }

  @Test
  void shouldPlanAReplayedPartnershipFormedOnlyOnce() {
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember a = member("Europe/Berlin", "en");
    PartnershipMember b = member("America/Mexico_City", "es");
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      // given the same PartnershipFormed delivered three times, twice under new event ids
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), a, b);
      upstream.send(p);
      upstream.send(p);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);

      // when the first prompt falls due
      programme.moveTo(after(weekly(start), 1, a, b));
      deliveries.await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 2);

      // then it was planned once and each partner got the prompt once
      List<CloudEventRecord> all = deliveries.drain(Duration.ofMillis(800));
      assertThat(all)
          .filteredOn(TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()))
          .hasSize(1);
      assertThat(due(all, p.partnershipId()))
          .extracting(PromptDue::participantId)
          .containsExactlyInAnyOrder(a.participantId(), b.participantId());
    }
  }

  @Test
  void
      shouldStartAPartnershipFormedMidCycleAtTheNextPromptOfProgrammeTimeWhenTheDemoClockIsAhead() {
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember a = member("Europe/London", "en");
    PartnershipMember b = member("Australia/Perth", "en");
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      // given a cycle in its third week on the demo clock
      programme.moveTo(after(weekly(start), 2, a, b));

      // when matching re-pairs two people and stamps the partnership with its own, real time,
      // which a demo clock moved ahead has left weeks behind (before the cycle even started)
      PartnershipFormed p =
          upstream.formed(cycleId, programme.now().minus(Duration.ofDays(30)), a, b);

      // then its prompts start with the next one still ahead in programme time, the third
      var planned =
          deliveries
              .await(TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1)
              .get(0)
              .as(org.penpals.contracts.prompts.PromptsPlanned.class);
      assertThat(planned.weeks()).isEqualTo(15);
      assertThat(planned.members())
          .allSatisfy(m -> assertThat(m.firstDueAt()).isAfter(programme.now()));
      // and when it falls due it is sent on time, with nothing earlier skipped or sent late
      programme.moveTo(after(weekly(start), 3, a, b));
      List<PromptDue> due =
          deliveries
              .await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 2)
              .stream()
              .map(r -> r.as(PromptDue.class))
              .toList();
      assertThat(due).extracting(PromptDue::week).containsOnly(3);
      assertThat(due).extracting(PromptDue::late).containsOnly(false);
      JsonNode view = api.get("/api/prompts/partnerships/" + p.partnershipId(), viewer).json();
      assertThat(view.get("first").asInt()).isEqualTo(3);
    }
  }

  @Test
  void shouldPlanAPartnershipFormedBeforeRegistrationDescribedItsCycle() {
    LocalDate start = programme.nextStart();
    String cycleId = "cycle-late-" + UUID.randomUUID();
    PartnershipMember a = member("Australia/Sydney", "en");
    PartnershipMember b = member("Europe/Dublin", "en");
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      // given a partnership of a cycle nobody described yet
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), a, b);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get("/api/prompts/partnerships/" + p.partnershipId(), viewer).status()
                      == 200);

      // when registration describes the cycle
      upstream.send(
          new org.penpals.contracts.registration.CycleUpdated(
              cycleId,
              new org.penpals.contracts.registration.CycleDetails(
                  "Late cycle",
                  Instant.parse("2026-10-01T00:00:00Z"),
                  Instant.parse("2026-11-01T00:00:00Z"),
                  start,
                  10,
                  PromptCadence.FORTNIGHTLY,
                  DayOfWeek.MONDAY,
                  9,
                  100,
                  100,
                  org.penpals.contracts.registration.CycleStatus.MATCHES_PUBLISHED)));

      // then the partnership is planned, fortnightly: five prompts
      var planned =
          deliveries
              .await(TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1)
              .get(0)
              .as(org.penpals.contracts.prompts.PromptsPlanned.class);
      assertThat(planned.weeks()).isEqualTo(5);
    }
  }

  @Test
  void shouldSendAPoisonRecordToTheDeadLetterTopicAndGoOn() {
    String dlt = Topics.deadLetter(Topics.MATCHING_PARTNERSHIPS, "prompt-service");
    try (TopicReader deadLetters = TopicReader.fromNow(dlt);
        TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      // given a record that claims to be a PartnershipFormed but is not one
      String key = "ps-poison-" + UUID.randomUUID();
      upstream.sendRaw(
          MatchingEvents.PARTNERSHIP_FORMED,
          key,
          "{\"partnershipId\": 42, ".getBytes(StandardCharsets.UTF_8),
          UUID.randomUUID().toString());
      // and one with an impossible time zone
      PartnershipMember mars =
          new PartnershipMember("p-" + UUID.randomUUID(), "Mars/Olympus", "en");
      String cycleId = upstream.weeklyCycle(programme.nextStart());
      PartnershipFormed impossible =
          upstream.formed(cycleId, programme.now(), mars, member("UTC", "en"));

      // then both land on the dead-letter topic
      assertThat(deadLetters.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(60))).hasSize(1);
      deadLetters.await(r -> impossible.partnershipId().equals(r.key()), 1, Duration.ofSeconds(60));

      // and the consumer goes on with the next partnership
      PartnershipFormed fine =
          upstream.formed(
              cycleId, programme.now(), member("UTC", "en"), member("Asia/Dubai", "en"));
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), fine.partnershipId()), 1);
    }
  }
}
