package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.prompt.support.Upstream.member;

import com.mongodb.client.MongoDatabase;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.ProgrammeEnded;
import org.penpals.contracts.prompts.ProgrammeStarted;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.PromptCadence;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.prompt.schedule.application.ProgrammeTime;
import org.penpals.prompt.schedule.domain.Cadence;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;
import org.penpals.prompt.support.Programme;
import org.penpals.prompt.support.Upstream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Programme time told on {@code penpals.prompts.cycles.v1}: each scheduled cycle's start (its first
 * day begins in UTC+14) and end (the day after its last week begins in UTC-12), once each, however
 * the clock moves and whenever the schedule is made; and a cycle played after another on the same
 * clock (a second demo) gets its prompts.
 */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeTimeIT {
  @Autowired ApplicationContext context;
  @LocalServerPort int port;
  Programme programme;
  final Upstream upstream = new Upstream();

  @BeforeAll
  void programme() {
    programme = new Programme(context);
  }

  @AfterAll
  void close() {
    upstream.close();
  }

  static ProgrammeCalendar twoWeeks(LocalDate start) {
    return new ProgrammeCalendar(start, 2, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
  }

  String twoWeekCycle(LocalDate start) {
    return upstream.cycle(start, 2, PromptCadence.WEEKLY, DayOfWeek.MONDAY, 9);
  }

  PartnershipFormed planned(String cycleId, PartnershipMember a, PartnershipMember b) {
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), a, b);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);
      return p;
    }
  }

  static List<CloudEventRecord> of(TopicReader reader, String cycleId) {
    return reader.drain(Duration.ofMillis(500)).stream()
        .filter(r -> cycleId.equals(r.key()))
        .toList();
  }

  @Test
  void shouldTellOnceWhenACycleStartsAndEndsAndPlayASecondCycleAfterTheFirst() {
    try (TopicReader cycles = TopicReader.fromNow(Topics.PROMPT_CYCLES);
        TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      // given a two-week cycle with a partnership
      LocalDate start = programme.nextStart();
      String first = twoWeekCycle(start);
      PartnershipMember kiribati = member("Pacific/Kiritimati", "en");
      PartnershipMember samoa = member("Pacific/Pago_Pago", "en");
      PartnershipFormed p = planned(first, kiribati, samoa);
      ProgrammeCalendar calendar = twoWeeks(start);
      assertThat(calendar.startsAt())
          .isEqualTo(start.minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC));
      assertThat(calendar.endsAt())
          .isEqualTo(start.plusDays(14).atTime(12, 0).toInstant(ZoneOffset.UTC));

      // when the clock comes within a minute of its start: nothing yet
      programme.moveTo(calendar.startsAt().minusSeconds(61));
      assertThat(of(cycles, first)).isEmpty();

      // when it reaches it
      programme.moveTo(calendar.startsAt().plusSeconds(60));

      // then the programme started, once
      ProgrammeStarted started =
          cycles
              .await(TopicReader.event(PromptEvents.PROGRAMME_STARTED.type(), first), 1)
              .get(0)
              .as(ProgrammeStarted.class);
      assertThat(started.partnershipStartsOn()).isEqualTo(start);
      assertThat(started.startedAt()).isEqualTo(calendar.startsAt());

      // when the clock goes through both weeks to just before the end, then past it
      programme.moveTo(calendar.dueAt(1, ZoneId.of("Pacific/Pago_Pago")).plusSeconds(60));
      programme.moveTo(calendar.dueAt(2, ZoneId.of("Pacific/Pago_Pago")).plusSeconds(60));
      deliveries.await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 4);
      programme.moveTo(calendar.endsAt().minusSeconds(61));
      assertThat(of(cycles, first))
          .filteredOn(TopicReader.type(PromptEvents.PROGRAMME_ENDED.type()))
          .isEmpty();
      programme.moveTo(calendar.endsAt().plusSeconds(60));

      // then it ended, once, after its last week
      ProgrammeEnded ended =
          cycles
              .await(TopicReader.event(PromptEvents.PROGRAMME_ENDED.type(), first), 1)
              .get(0)
              .as(ProgrammeEnded.class);
      assertThat(ended.prompts()).isEqualTo(2);
      assertThat(ended.lastWeekEndsOn()).isEqualTo(start.plusDays(13));
      assertThat(ended.endedAt()).isEqualTo(calendar.endsAt());
      programme.advance(Duration.ofDays(3));
      assertThat(of(cycles, first))
          .extracting(CloudEventRecord::type)
          .containsExactly(
              PromptEvents.PROGRAMME_STARTED.type(), PromptEvents.PROGRAMME_ENDED.type());

      // when a second cycle is played after the first on the same clock (a second demo)
      LocalDate secondStart = programme.nextStart();
      String second = twoWeekCycle(secondStart);
      PartnershipMember lima = member("America/Lima", "es");
      PartnershipMember paris = member("Europe/Paris", "fr");
      PartnershipFormed q = planned(second, lima, paris);
      ProgrammeCalendar secondCalendar = twoWeeks(secondStart);
      programme.moveTo(secondCalendar.dueAt(1, ZoneId.of("America/Lima")).plusSeconds(60));
      programme.moveTo(secondCalendar.dueAt(2, ZoneId.of("America/Lima")).plusSeconds(60));
      programme.moveTo(secondCalendar.endsAt().plusSeconds(60));

      // then its partners get both prompts, and it starts and ends in turn
      List<PromptDue> due =
          deliveries
              .await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), q.partnershipId()), 4)
              .stream()
              .map(r -> r.as(PromptDue.class))
              .toList();
      assertThat(due).extracting(PromptDue::week).containsExactlyInAnyOrder(1, 1, 2, 2);
      assertThat(due).noneMatch(PromptDue::late);
      cycles.await(TopicReader.event(PromptEvents.PROGRAMME_ENDED.type(), second), 1);
      // stamped with when each happened, though the clock jumped past the start
      assertThat(
              of(cycles, second).stream()
                  .filter(TopicReader.type(PromptEvents.PROGRAMME_STARTED.type()))
                  .map(r -> r.as(ProgrammeStarted.class).startedAt()))
          .containsExactly(secondCalendar.startsAt());
      assertThat(of(cycles, second))
          .extracting(CloudEventRecord::type)
          .containsExactly(
              PromptEvents.PROGRAMME_STARTED.type(), PromptEvents.PROGRAMME_ENDED.type());
    }
  }

  @Test
  void shouldTellStartThenEndWhenTheClockJumpsPastBothOrTheyPassedBeforeTheSchedule() {
    try (TopicReader cycles = TopicReader.fromNow(Topics.PROMPT_CYCLES)) {
      // given a scheduled cycle ahead, and a cycle with no partnership (no schedule)
      LocalDate start = programme.nextStart();
      String jumped = twoWeekCycle(start);
      planned(jumped, member("Europe/Rome", "en"), member("Asia/Tokyo", "en"));
      String unscheduled = twoWeekCycle(start);

      // when the demo clock jumps past both moments at once
      programme.moveTo(twoWeeks(start).endsAt().plus(Duration.ofDays(1)));

      // then the start and then the end are told, once each
      cycles.await(TopicReader.event(PromptEvents.PROGRAMME_ENDED.type(), jumped), 1);
      assertThat(of(cycles, jumped))
          .extracting(CloudEventRecord::type)
          .containsExactly(
              PromptEvents.PROGRAMME_STARTED.type(), PromptEvents.PROGRAMME_ENDED.type());

      // when a partnership of a cycle whose weeks are long over gets a schedule made only now
      LocalDate longAgo =
          LocalDate.ofInstant(programme.now(), ZoneOffset.UTC)
              .minusWeeks(8)
              .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
      String late = twoWeekCycle(longAgo);
      upstream.formed(
          late, programme.now(), member("Europe/Rome", "en"), member("Asia/Tokyo", "en"));
      Api api = new Api(port);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get(
                              "/api/prompts/cycles/" + late + "/schedule",
                              TestTokens.staff(Role.VIEWER))
                          .status()
                      == 200);
      programme.advance(Duration.ofMinutes(2));

      // then its start and end are told at the scheduler's next minute, in order
      cycles.await(TopicReader.event(PromptEvents.PROGRAMME_ENDED.type(), late), 1);
      assertThat(of(cycles, late))
          .extracting(CloudEventRecord::type)
          .containsExactly(
              PromptEvents.PROGRAMME_STARTED.type(), PromptEvents.PROGRAMME_ENDED.type());
      // and the cycle nobody was paired in is not told
      assertThat(of(cycles, unscheduled)).isEmpty();
    }
  }

  @Test
  void shouldFileTheTimersOfAScheduleMadeByAnEarlierVersion() {
    // given a schedule stored by an earlier version (no programme timers), its weeks long over
    String cycleId = "cycle-" + UUID.randomUUID();
    LocalDate longAgo =
        LocalDate.ofInstant(programme.now(), ZoneOffset.UTC)
            .minusWeeks(6)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    context
        .getBean(MongoDatabase.class)
        .getCollection("schedules")
        .insertOne(
            new Document("_id", cycleId)
                .append("name", "Earlier cycle")
                .append("startsOn", longAgo.toString())
                .append("lengthWeeks", 2)
                .append("cadence", "WEEKLY")
                .append("weekday", "MONDAY")
                .append("hour", 9)
                .append("prompts", 2)
                .append("reportGraceSeconds", 604800L)
                .append("createdAt", Date.from(Instant.now())));
    try (TopicReader cycles = TopicReader.fromNow(Topics.PROMPT_CYCLES)) {
      // when an instance looks for such schedules (at its first round) and the clock moves on
      ProgrammeTime time = context.getBean(ProgrammeTime.class);
      assertThat(time.fileMissingTimers()).isGreaterThanOrEqualTo(1);
      assertThat(time.fileMissingTimers()).as("once").isZero();
      programme.advance(Duration.ofMinutes(2));

      // then its start and end are told
      cycles.await(TopicReader.event(PromptEvents.PROGRAMME_ENDED.type(), cycleId), 1);
      assertThat(of(cycles, cycleId))
          .extracting(CloudEventRecord::type)
          .containsExactly(
              PromptEvents.PROGRAMME_STARTED.type(), PromptEvents.PROGRAMME_ENDED.type());
    }
  }
}
