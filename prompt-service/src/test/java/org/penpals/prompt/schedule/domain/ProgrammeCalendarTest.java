package org.penpals.prompt.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeCalendarTest {
  // Wednesday 3 March 2027; New York moves its clocks forward on Sunday 14 March
  static final LocalDate START = LocalDate.of(2027, 3, 3);
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId MANILA = ZoneId.of("Asia/Manila");

  static ProgrammeCalendar weekly(int hour) {
    return new ProgrammeCalendar(START, 17, Cadence.WEEKLY, DayOfWeek.MONDAY, hour);
  }

  @Test
  void shouldPutEachWeeksPromptOnTheFirstCycleWeekdayOfThatWeek() {
    ProgrammeCalendar calendar = weekly(9);

    assertThat(calendar.prompts()).isEqualTo(17);
    assertThat(calendar.date(1)).isEqualTo(LocalDate.of(2027, 3, 8));
    assertThat(calendar.date(2)).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(calendar.date(17)).isEqualTo(LocalDate.of(2027, 6, 28));
  }

  @Test
  void shouldSendAtTheSameLocalHourInEveryZoneAcrossDaylightSavingTime() {
    ProgrammeCalendar calendar = weekly(9);

    for (int n = 1; n <= 17; n++) {
      assertThat(calendar.dueAt(n, NEW_YORK).atZone(NEW_YORK).toLocalTime())
          .isEqualTo(LocalTime.of(9, 0));
      assertThat(calendar.dueAt(n, MANILA).atZone(MANILA).toLocalTime())
          .isEqualTo(LocalTime.of(9, 0));
    }
    // before the change New York is 13 hours behind Manila, after it 12
    assertThat(Duration.between(calendar.dueAt(1, MANILA), calendar.dueAt(1, NEW_YORK)))
        .isEqualTo(Duration.ofHours(13));
    assertThat(Duration.between(calendar.dueAt(2, MANILA), calendar.dueAt(2, NEW_YORK)))
        .isEqualTo(Duration.ofHours(12));
    assertThat(calendar.dueAt(1, NEW_YORK)).isEqualTo(Instant.parse("2027-03-08T14:00:00Z"));
    assertThat(calendar.dueAt(2, NEW_YORK)).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
  }

  @Test
  void shouldMoveAnHourThatDoesNotExistToTheFirstValidTimeAfterIt() {
    // 02:00 on Sunday 14 March 2027 does not exist in New York
    ProgrammeCalendar calendar =
        new ProgrammeCalendar(LocalDate.of(2027, 3, 14), 2, Cadence.WEEKLY, DayOfWeek.SUNDAY, 2);

    assertThat(calendar.dueAt(1, NEW_YORK).atZone(NEW_YORK).toLocalTime())
        .isEqualTo(LocalTime.of(3, 0));
    assertThat(calendar.dueAt(2, NEW_YORK).atZone(NEW_YORK).toLocalTime())
        .isEqualTo(LocalTime.of(2, 0));
  }

  @Test
  void shouldSendFortnightlyPromptsEveryOtherWeek() {
    ProgrammeCalendar calendar =
        new ProgrammeCalendar(START, 17, Cadence.FORTNIGHTLY, DayOfWeek.MONDAY, 9);

    assertThat(calendar.prompts()).isEqualTo(9);
    assertThat(calendar.week(1)).isEqualTo(1);
    assertThat(calendar.week(2)).isEqualTo(3);
    assertThat(calendar.week(9)).isEqualTo(17);
    assertThat(calendar.date(2)).isEqualTo(LocalDate.of(2027, 3, 22));
  }

  @Test
  void shouldStartALatePartnershipAtThePromptStillAheadForEveryMember() {
    ProgrammeCalendar calendar = weekly(9);
    // Monday 15 March 03:00 UTC: Manila's 09:00 (01:00 UTC) has passed, New York's has not
    Instant formed = Instant.parse("2027-03-15T03:00:00Z");

    assertThat(calendar.firstFor(formed, List.of(NEW_YORK))).isEqualTo(2);
    assertThat(calendar.firstFor(formed, List.of(MANILA))).isEqualTo(3);
    assertThat(calendar.firstFor(formed, List.of(NEW_YORK, MANILA))).isEqualTo(3);
  }

  @Test
  void shouldStartAtTheFirstPromptWhenFormedBeforeTheCycleStarts() {
    assertThat(weekly(9).firstFor(Instant.parse("2027-01-01T00:00:00Z"), List.of(MANILA)))
        .isEqualTo(1);
  }

  @Test
  void shouldHaveNoPromptLeftForAPartnershipFormedAfterTheLastOne() {
    assertThat(weekly(9).firstFor(Instant.parse("2027-08-01T00:00:00Z"), List.of(MANILA)))
        .isEqualTo(18);
  }

  @Test
  void shouldRefuseImpossibleCalendarsAndNumbers() {
    assertThatThrownBy(() -> new ProgrammeCalendar(START, 0, Cadence.WEEKLY, DayOfWeek.MONDAY, 9))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProgrammeCalendar(START, 17, Cadence.WEEKLY, DayOfWeek.MONDAY, 24))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> weekly(9).date(18)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void
      shouldStartWhenTheFirstDayBeginsInUtcPlus14AndEndWhenTheDayAfterTheLastWeekBeginsInUtcMinus12() {
    ProgrammeCalendar calendar =
        new ProgrammeCalendar(
            LocalDate.of(2027, 3, 1), 17, Cadence.FORTNIGHTLY, DayOfWeek.WEDNESDAY, 9);

    assertThat(calendar.startsAt()).isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
    assertThat(calendar.lastWeekEndsOn()).isEqualTo(LocalDate.of(2027, 6, 27));
    assertThat(calendar.endsAt()).isEqualTo(Instant.parse("2027-06-28T12:00:00Z"));
    // every member's last prompt, wherever they are, falls between the two
    for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Etc/GMT+12")) {
      assertThat(calendar.dueAt(1, ZoneId.of(zone))).isAfter(calendar.startsAt());
      assertThat(calendar.dueAt(calendar.prompts(), ZoneId.of(zone))).isBefore(calendar.endsAt());
    }
  }
}
