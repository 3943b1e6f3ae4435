package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.prompt.support.Upstream.member;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.prompts.PromptsPlanned;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.prompt.support.Programme;
import org.penpals.prompt.support.Upstream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every participant gets each prompt once, in order, at the cycle's hour on their own clock. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyDeliveryIT {
  @Autowired ApplicationContext context;
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

  /**
   * Monday {@code n-1} weeks after the start, 09:00 in the zone: computed here, not by the code.
   */
  static Instant expectedDue(LocalDate firstMonday, int week, String zone) {
    return ZonedDateTime.of(firstMonday.plusWeeks(week - 1L), LocalTime.of(9, 0), ZoneId.of(zone))
        .toInstant();
  }

  @Test
  void shouldSendPrompts1To17InOrderOnceEachAtNineOnEachPartnersOwnClock() {
    // given a 17-week weekly cycle (Mondays 09:00) and partners twelve hours apart; New York
    // moves its clocks forward during the cycle, Manila does not
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember newYork = member("America/New_York", "en");
    PartnershipMember manila = member("Asia/Manila", "es");
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), newYork, manila);

      // then the partnership's prompts are planned, the first at each one's 09:00
      PromptsPlanned planned =
          deliveries
              .await(TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1)
              .get(0)
              .as(PromptsPlanned.class);
      assertThat(planned.weeks()).isEqualTo(17);
      assertThat(planned.first().title()).isEqualTo("Getting to know each other");
      assertThat(planned.first().translations()).containsKeys("es", "fr");
      assertThat(planned.members())
          .extracting(PromptsPlanned.PlannedMember::firstDueAt)
          .containsExactlyInAnyOrder(
              expectedDue(start, 1, "America/New_York"), expectedDue(start, 1, "Asia/Manila"));

      // when the clock moves week by week to just after both partners' hour
      for (int week = 1; week <= 17; week++) {
        Instant later =
            max(
                expectedDue(start, week, "America/New_York"),
                expectedDue(start, week, "Asia/Manila"));
        programme.moveTo(later.plus(Duration.ofMinutes(1)));
        deliveries.await(
            TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 2 * week);
      }

      // then each partner got prompts 1..17, in order, once each, at 09:00 on their own clock
      List<PromptDue> due =
          deliveries.drain(Duration.ofMillis(500)).stream()
              .filter(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()))
              .map(r -> r.as(PromptDue.class))
              .toList();
      assertThat(due).hasSize(34);
      assertThat(due.stream().map(PromptDue::deliveryId).distinct()).hasSize(34);
      Map<String, List<PromptDue>> byParticipant =
          due.stream().collect(Collectors.groupingBy(PromptDue::participantId));
      for (PartnershipMember m : List.of(newYork, manila)) {
        List<PromptDue> theirs = byParticipant.get(m.participantId());
        assertThat(theirs).extracting(PromptDue::week).containsExactlyElementsOf(weeks(17));
        for (PromptDue d : theirs) {
          assertThat(d.dueAt()).isEqualTo(expectedDue(start, d.week(), m.timeZone()));
          assertThat(d.dueAt().atZone(ZoneId.of(m.timeZone())).toLocalTime())
              .isEqualTo(LocalTime.of(9, 0));
          assertThat(d.late()).isFalse();
          assertThat(d.cycleId()).isEqualTo(cycleId);
        }
        assertThat(theirs.get(2).prompt().kind()).isEqualTo("CHECK_IN");
        assertThat(theirs.get(8).prompt().kind()).isEqualTo("MID_SURVEY");
        assertThat(theirs.get(16).prompt().kind()).isEqualTo("FINAL_SURVEY");
        // the wrap-up topic closes the cycle, below the final survey
        assertThat(theirs.get(16).prompt().title()).isEqualTo("Final feedback · What now?");
      }
      // thirteen hours apart before New York's clocks change, twelve after: same local hour
      List<PromptDue> ny = byParticipant.get(newYork.participantId());
      List<PromptDue> mnl = byParticipant.get(manila.participantId());
      assertThat(Duration.between(mnl.get(0).dueAt(), ny.get(0).dueAt()))
          .isEqualTo(Duration.ofHours(13));
      assertThat(Duration.between(mnl.get(16).dueAt(), ny.get(16).dueAt()))
          .isEqualTo(Duration.ofHours(12));
    }
  }

  static List<Integer> weeks(int n) {
    List<Integer> weeks = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      weeks.add(i);
    }
    return weeks;
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static List<CloudEventRecord> of(TopicReader reader, String type, String key) {
    return reader.records().stream().filter(TopicReader.event(type, key)).toList();
  }
}
