package org.penpals.registration.cycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;

class CycleTest {
  static final Instant NOW = Instant.parse("2027-01-15T12:00:00Z");

  static CycleSettings settings(int capacity, int capPercent) {
    return new CycleSettings(
        "2027 cycle 1",
        NOW.minus(1, ChronoUnit.DAYS),
        NOW.plus(20, ChronoUnit.DAYS),
        LocalDate.parse("2027-03-01"),
        17,
        PromptCadence.WEEKLY,
        DayOfWeek.MONDAY,
        9,
        capacity,
        capPercent);
  }

  @Test
  void shouldWalkTheRegistrationLifecycle() {
    Cycle draft = Cycle.draft("c", settings(100, 20), NOW).cycle();
    Cycle open = draft.open(NOW).cycle();
    Cycle closed = open.close(3, 1, NOW).cycle();
    Cycle reopened = closed.open(NOW).cycle();

    assertThat(draft.status()).isEqualTo(CycleStatus.DRAFT);
    assertThat(open.status()).isEqualTo(CycleStatus.REGISTRATION_OPEN);
    assertThat(open.acceptsApplications(NOW)).isTrue();
    assertThat(closed.status()).isEqualTo(CycleStatus.REGISTRATION_CLOSED);
    assertThat(closed.acceptsApplications(NOW)).isFalse();
    assertThat(reopened.status()).isEqualTo(CycleStatus.REGISTRATION_OPEN);
    assertThat(reopened.version()).isEqualTo(4);
  }

  @Test
  void shouldRefuseIllegalMoves() {
    Cycle draft = Cycle.draft("c", settings(100, 20), NOW).cycle();
    Cycle open = draft.open(NOW).cycle();

    assertThatThrownBy(() -> draft.close(0, 0, NOW)).isInstanceOf(StateConflict.class);
    assertThatThrownBy(() -> open.open(NOW)).isInstanceOf(StateConflict.class);
  }

  @Test
  void shouldNotAcceptApplicationsOutsideTheWindow() {
    Cycle open = Cycle.draft("c", settings(100, 20), NOW).cycle().open(NOW).cycle();
    assertThat(open.acceptsApplications(NOW.minus(2, ChronoUnit.DAYS))).isFalse();
    assertThat(open.acceptsApplications(NOW.plus(20, ChronoUnit.DAYS))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"100,20,20", "762,20,152", "10,5,1", "3,100,3"})
  void shouldDeriveTheCountryCapFromTheCapacity(int capacity, int percent, int cap) {
    assertThat(settings(capacity, percent).countryCap()).isEqualTo(cap);
  }

  @Test
  void shouldReportEveryBrokenSettingAtOnce() {
    assertThatThrownBy(
            () ->
                new CycleSettings(
                    " ",
                    NOW,
                    NOW.minusSeconds(1),
                    LocalDate.parse("2020-01-01"),
                    0,
                    PromptCadence.WEEKLY,
                    DayOfWeek.MONDAY,
                    25,
                    1,
                    0))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactlyInAnyOrder(
                        "name",
                        "registrationClosesAt",
                        "partnershipStartsOn",
                        "lengthWeeks",
                        "promptLocalHour",
                        "capacity",
                        "countryCapPercent"));
  }

  @Test
  void shouldNotEditOnceMatchingStarted() {
    Cycle matching = new Cycle("c", settings(100, 20), CycleStatus.MATCHING, 5, NOW, NOW);
    assertThatThrownBy(() -> matching.edit(settings(200, 20), 0, NOW))
        .isInstanceOf(StateConflict.class);
  }

  // ------------------------------------------------------------------ after registration

  static final Instant STARTED = Instant.parse("2027-02-28T10:00:00Z");
  static final Instant ENDED = Instant.parse("2027-06-27T12:00:00Z");

  static Cycle at(CycleStatus status) {
    return new Cycle("c", settings(100, 20), status, 5, NOW, NOW);
  }

  static MatchingRun run(String id, Instant completedAt) {
    return new MatchingRun(id, 762, 724, 0.0, completedAt);
  }

  @Test
  void shouldStartMatchingWhenARunOfAClosedCycleCompletesAndKeepItsFigures() {
    Cycle.Changed changed =
        at(CycleStatus.REGISTRATION_CLOSED).matchingRunCompleted(run("r1", NOW), NOW).orElseThrow();

    assertThat(changed.cycle().status()).isEqualTo(CycleStatus.MATCHING);
    assertThat(changed.cycle().version()).isEqualTo(6);
    assertThat(changed.cycle().timeline().lastRun()).isEqualTo(run("r1", NOW));
    assertThat(changed.changes()).containsExactly(new Cycle.Change.MatchingStarted());
  }

  @Test
  void shouldKeepALaterRunsFiguresWithoutAnotherMoveAndIgnoreARedeliveredOrOlderRun() {
    Cycle matching =
        at(CycleStatus.REGISTRATION_CLOSED)
            .matchingRunCompleted(run("r1", NOW), NOW)
            .orElseThrow()
            .cycle();

    Cycle.Changed later =
        matching.matchingRunCompleted(run("r2", NOW.plusSeconds(60)), NOW).orElseThrow();

    assertThat(later.cycle().status()).isEqualTo(CycleStatus.MATCHING);
    assertThat(later.cycle().timeline().lastRun().runId()).isEqualTo("r2");
    assertThat(later.changes()).isEmpty();
    assertThat(later.cycle().matchingRunCompleted(run("r2", NOW.plusSeconds(60)), NOW)).isEmpty();
    assertThat(later.cycle().matchingRunCompleted(run("r1", NOW), NOW)).isEmpty();
  }

  @Test
  void shouldKeepThePublishedMatchingsFiguresWhenReMatchingsRunLater() {
    Cycle published =
        at(CycleStatus.REGISTRATION_CLOSED)
            .matchingRunCompleted(run("r1", NOW), NOW)
            .orElseThrow()
            .cycle()
            .matchesPublished(NOW)
            .orElseThrow()
            .cycle();

    for (CycleStatus later :
        List.of(CycleStatus.MATCHES_PUBLISHED, CycleStatus.RUNNING, CycleStatus.COMPLETED)) {
      Cycle cycle =
          new Cycle(
              "c",
              published.settings(),
              later,
              published.version(),
              NOW,
              NOW,
              published.timeline());
      assertThat(
              cycle.matchingRunCompleted(
                  new MatchingRun("rematch-1", 2, 2, 0.0, NOW.plusSeconds(3600)), NOW))
          .as(later.name())
          .isEmpty();
    }
    assertThat(published.timeline().lastRun()).isEqualTo(run("r1", NOW));
  }

  @Test
  void shouldPublishRunAndCompleteOnProgrammeFactsInOrder() {
    Cycle published = at(CycleStatus.MATCHING).matchesPublished(NOW).orElseThrow().cycle();

    Cycle.Changed running = published.programmeStarted(STARTED, NOW).orElseThrow();
    Cycle.Changed completed = running.cycle().programmeEnded(ENDED, NOW).orElseThrow();

    assertThat(published.status()).isEqualTo(CycleStatus.MATCHES_PUBLISHED);
    assertThat(running.cycle().status()).isEqualTo(CycleStatus.RUNNING);
    assertThat(running.cycle().timeline().runningSince()).isEqualTo(STARTED);
    assertThat(running.changes()).containsExactly(new Cycle.Change.Running(STARTED));
    assertThat(completed.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
    assertThat(completed.cycle().timeline().completedAt()).isEqualTo(ENDED);
    assertThat(completed.changes()).containsExactly(new Cycle.Change.Completed(ENDED));
  }

  @Test
  void shouldRememberProgrammeFactsThatArriveEarlyAndOweEveryMoveOnPublication() {
    Cycle matching = at(CycleStatus.MATCHING);

    Cycle.Changed startNoted = matching.programmeStarted(STARTED, NOW).orElseThrow();
    Cycle.Changed endNoted = startNoted.cycle().programmeEnded(ENDED, NOW).orElseThrow();
    Cycle.Changed published = endNoted.cycle().matchesPublished(NOW).orElseThrow();

    assertThat(startNoted.cycle().status()).isEqualTo(CycleStatus.MATCHING);
    assertThat(startNoted.changes()).isEmpty();
    assertThat(endNoted.cycle().status()).isEqualTo(CycleStatus.MATCHING);
    assertThat(endNoted.changes()).isEmpty();
    assertThat(endNoted.cycle().timeline().programmeStartedAt()).isEqualTo(STARTED);
    assertThat(endNoted.cycle().timeline().programmeEndedAt()).isEqualTo(ENDED);
    assertThat(published.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
    assertThat(published.cycle().version()).isEqualTo(8);
    assertThat(published.changes())
        .containsExactly(
            new Cycle.Change.MatchesPublished(),
            new Cycle.Change.Running(STARTED),
            new Cycle.Change.Completed(ENDED));
  }

  @Test
  void shouldRunAndCompleteAtOnceWhenTheEndArrivesBeforeTheStart() {
    Cycle published = at(CycleStatus.MATCHES_PUBLISHED);

    Cycle.Changed ended = published.programmeEnded(ENDED, NOW).orElseThrow();
    var lateStart = ended.cycle().programmeStarted(STARTED, NOW).orElseThrow();

    assertThat(ended.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
    assertThat(ended.changes())
        .containsExactly(new Cycle.Change.Running(ENDED), new Cycle.Change.Completed(ENDED));
    assertThat(lateStart.changes()).isEmpty();
    assertThat(lateStart.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
  }

  @Test
  void shouldChangeNothingWhenAProgrammeFactOrPublicationIsRedelivered() {
    Cycle running =
        at(CycleStatus.MATCHES_PUBLISHED).programmeStarted(STARTED, NOW).orElseThrow().cycle();

    assertThat(running.programmeStarted(STARTED, NOW)).isEmpty();
    assertThat(running.matchesPublished(NOW)).isEmpty();
    Cycle completed = running.programmeEnded(ENDED, NOW).orElseThrow().cycle();
    assertThat(completed.programmeEnded(ENDED, NOW)).isEmpty();
    assertThat(completed.programmeStarted(STARTED, NOW)).isEmpty();
  }

  @Test
  void shouldArchiveOnlyACompletedCycle() {
    Cycle.Changed archived = at(CycleStatus.COMPLETED).archive(NOW);

    assertThat(archived.cycle().status()).isEqualTo(CycleStatus.ARCHIVED);
    assertThat(archived.cycle().timeline().archivedAt()).isEqualTo(NOW);
    assertThat(archived.changes()).containsExactly(new Cycle.Change.Archived(NOW));
    for (CycleStatus status : CycleStatus.values()) {
      if (status != CycleStatus.COMPLETED) {
        assertThatThrownBy(() -> at(status).archive(NOW)).isInstanceOf(StateConflict.class);
      }
    }
  }

  @Test
  void shouldEndTheLastWeekOnTheDayBeforeTheWeekAfterIt() {
    assertThat(settings(100, 20).lastWeekEndsOn()).isEqualTo(LocalDate.parse("2027-06-27"));
  }

  @Test
  void shouldRefuseARunThatMatchesMorePeopleThanItHad() {
    assertThatThrownBy(() -> new MatchingRun("r", 2, 3, 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
