package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.prompt.support.Upstream.member;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.PromptCadence;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.prompt.clock.ProgrammeClock;
import org.penpals.prompt.partnership.adapter.in.scheduler.SchedulerLoop;
import org.penpals.prompt.schedule.domain.Cadence;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;
import org.penpals.prompt.support.Instances;
import org.penpals.prompt.support.Upstream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two prompt-service instances against one database, both running scheduler rounds at the same
 * moments (the second one without the ShedLock lease, so they really race): every prompt, and each
 * cycle's programme start and end, is published once.
 */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {
  @Autowired ApplicationContext first;
  ConfigurableApplicationContext second;
  final Upstream upstream = new Upstream();

  @BeforeAll
  void startSecondInstance() {
    Instant now = first.getBean(ProgrammeClock.class).instant();
    second =
        Instances.start(
            Map.of(
                "penpals.prompts.clock.start",
                now.toString(),
                "penpals.prompts.scheduler.lock",
                false,
                "penpals.prompts.scheduler.interval",
                "50ms"));
  }

  @AfterAll
  void stop() {
    upstream.close();
    if (second != null) {
      second.close();
    }
  }

  @Test
  void shouldTellACyclesProgrammeStartAndEndOnceWhenTwoInstancesRunTheScheduler() throws Exception {
    // given a one-week cycle with a partnership
    ProgrammeClock clockA = first.getBean(ProgrammeClock.class);
    ProgrammeClock clockB = second.getBean(ProgrammeClock.class);
    LocalDate start =
        LocalDate.ofInstant(clockA.instant(), java.time.ZoneOffset.UTC)
            .plusDays(7)
            .with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    String cycleId = upstream.cycle(start, 1, PromptCadence.WEEKLY, DayOfWeek.MONDAY, 9);
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES);
        TopicReader cycles = TopicReader.fromNow(Topics.PROMPT_CYCLES)) {
      PartnershipFormed p =
          upstream.formed(
              cycleId, clockA.instant(), member("Europe/Sofia", "en"), member("Asia/Tokyo", "en"));
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);

      // when both instances pass its start, then its end, and run rounds at the same moments
      ProgrammeCalendar calendar =
          new ProgrammeCalendar(start, 1, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
      for (Instant at : List.of(calendar.startsAt(), calendar.endsAt())) {
        clockA.moveTo(at.plusSeconds(60));
        clockB.moveTo(at.plusSeconds(60));
        CompletableFuture.allOf(
                first.getBean(SchedulerLoop.class).trigger(),
                second.getBean(SchedulerLoop.class).trigger())
            .get(60, TimeUnit.SECONDS);
      }

      // then each is published once
      cycles.await(TopicReader.event(PromptEvents.PROGRAMME_ENDED.type(), cycleId), 1);
      assertThat(
              cycles.drain(Duration.ofSeconds(1)).stream()
                  .filter(r -> cycleId.equals(r.key()))
                  .map(CloudEventRecord::type))
          .containsExactly(
              PromptEvents.PROGRAMME_STARTED.type(), PromptEvents.PROGRAMME_ENDED.type());
    }
  }

  @Test
  void shouldSendEachPromptOnceWhenTwoInstancesRunTheScheduler() throws Exception {
    // given 30 partnerships planned by whichever instance consumed them
    ProgrammeClock clockA = first.getBean(ProgrammeClock.class);
    ProgrammeClock clockB = second.getBean(ProgrammeClock.class);
    LocalDate start =
        LocalDate.ofInstant(clockA.instant(), java.time.ZoneOffset.UTC)
            .plusDays(7)
            .with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    String cycleId = upstream.weeklyCycle(start);
    String[] zones = {"Europe/Sofia", "America/Chicago", "Asia/Tokyo", "Africa/Lagos"};
    List<PartnershipFormed> partnerships = new ArrayList<>();
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      for (int i = 0; i < 30; i++) {
        partnerships.add(
            upstream.formed(
                cycleId,
                clockA.instant(),
                member(zones[i % 4], "en"),
                member(zones[(i + 1) % 4], "en")));
      }
      Set<String> ours =
          partnerships.stream().map(PartnershipFormed::partnershipId).collect(Collectors.toSet());
      deliveries.await(
          r -> PromptEvents.PROMPTS_PLANNED.type().equals(r.type()) && ours.contains(r.key()),
          30,
          Duration.ofSeconds(60));

      // when both instances' clocks pass three weekly prompts and both run rounds at once
      ProgrammeCalendar calendar =
          new ProgrammeCalendar(start, 17, Cadence.WEEKLY, DayOfWeek.MONDAY, 9);
      for (int week = 1; week <= 3; week++) {
        Instant after = calendar.dueAt(week, ZoneId.of("America/Chicago")).plusSeconds(60);
        clockA.moveTo(after);
        clockB.moveTo(after);
        CompletableFuture.allOf(
                first.getBean(SchedulerLoop.class).trigger(),
                second.getBean(SchedulerLoop.class).trigger())
            .get(60, TimeUnit.SECONDS);
        deliveries.await(
            r -> PromptEvents.PROMPT_DUE.type().equals(r.type()) && ours.contains(r.key()),
            60 * week,
            Duration.ofSeconds(60));
      }

      // then every delivery id was published exactly once: 30 partnerships x 2 members x 3
      List<PromptDue> due =
          deliveries.drain(Duration.ofSeconds(1)).stream()
              .filter(r -> PromptEvents.PROMPT_DUE.type().equals(r.type()))
              .filter(r -> ours.contains(r.key()))
              .map(r -> r.as(PromptDue.class))
              .toList();
      Map<String, Long> perDelivery =
          due.stream().collect(Collectors.groupingBy(PromptDue::deliveryId, Collectors.counting()));
      assertThat(perDelivery).hasSize(180);
      assertThat(perDelivery.values()).containsOnly(1L);
      assertThat(
              deliveries.records().stream()
                  .filter(r -> ours.contains(r.key()))
                  .map(CloudEventRecord::id)
                  .distinct()
                  .count())
          .isEqualTo(210);
    }
  }
}
