package org.penpals.registration.cycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
}
