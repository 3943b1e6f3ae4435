package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.prompt.support.Upstream.member;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/** After downtime the scheduler catches up without flooding anyone. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatchUpIT {
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

  @Test
  void shouldSendOnlyTheMostRecentOverduePromptMarkedLateAndRecordTheMissedOnesAsSkipped() {
    // given a partnership whose first three prompts fall due while the service is "down"
    LocalDate start = programme.nextStart();
    String cycleId = upstream.weeklyCycle(start);
    PartnershipMember sofia = member("Europe/Sofia", "en");
    PartnershipMember lima = member("America/Lima", "es");
    ProgrammeCalendar calendar =
        new ProgrammeCalendar(start, 17, Cadence.WEEKLY, java.time.DayOfWeek.MONDAY, 9);
    try (TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES)) {
      PartnershipFormed p = upstream.formed(cycleId, programme.now(), sofia, lima);
      deliveries.await(
          TopicReader.event(PromptEvents.PROMPTS_PLANNED.type(), p.partnershipId()), 1);

      // when time jumps to two days after the third prompt in one go (no round in between)
      Instant third = calendar.dueAt(3, ZoneId.of("America/Lima"));
      programme.moveTo(third.plus(Duration.ofDays(2)));

      // then each partner gets prompt 3 once, marked late, and nothing for prompts 1 and 2
      List<PromptDue> due =
          deliveries
              .await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 2)
              .stream()
              .map(r -> r.as(PromptDue.class))
              .toList();
      assertThat(due).extracting(PromptDue::week).containsExactly(3, 3);
      assertThat(due).allSatisfy(d -> assertThat(d.late()).isTrue());
      assertThat(due)
          .extracting(PromptDue::dueAt)
          .containsExactlyInAnyOrder(
              calendar.dueAt(3, ZoneId.of("Europe/Sofia")),
              calendar.dueAt(3, ZoneId.of("America/Lima")));

      // and staff see the missed prompts recorded as skipped
      JsonNode view =
          new Api(port)
              .get("/api/prompts/partnerships/" + p.partnershipId(), TestTokens.staff(Role.VIEWER))
              .json();
      for (JsonNode plan : view.get("plans")) {
        assertThat(plan.get("deliveries").valueStream().map(d -> d.get("status").asString()))
            .containsExactly("SKIPPED", "SKIPPED", "SENT");
        assertThat(plan.get("next").asInt()).isEqualTo(4);
      }

      // when the next prompt falls due normally, it goes out on time
      programme.moveTo(calendar.dueAt(4, ZoneId.of("America/Lima")).plusSeconds(60));
      List<PromptDue> all =
          deliveries
              .await(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()), 4)
              .stream()
              .map(r -> r.as(PromptDue.class))
              .toList();
      assertThat(deliveries.drain(Duration.ofMillis(300)))
          .filteredOn(TopicReader.event(PromptEvents.PROMPT_DUE.type(), p.partnershipId()))
          .hasSize(4);
      assertThat(all.subList(2, 4)).extracting(PromptDue::week).containsExactly(4, 4);
      assertThat(all.subList(2, 4)).allSatisfy(d -> assertThat(d.late()).isFalse());
    }
  }
}
