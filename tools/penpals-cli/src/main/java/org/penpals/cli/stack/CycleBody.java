package org.penpals.cli.stack;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The JSON body of {@code POST /api/registration/cycles}: an application window from an hour ago to
 * 30 days ahead and partnerships two weeks after it closes (the service requires them to start no
 * earlier than registration closes).
 */
public record CycleBody(
    String name,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    LocalDate partnershipStartsOn,
    int capacity,
    int countryCapPercent,
    int lengthWeeks,
    DayOfWeek promptWeekday,
    int promptLocalHour) {

  /** Registration's default length of a cycle, in weeks. */
  public static final int DEFAULT_LENGTH_WEEKS = 17;

  public static CycleBody openNow(String name, int capacity, int countryCapPercent, Clock clock) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant closes = now.plus(Duration.ofDays(30));
    return new CycleBody(
        name,
        now.minus(Duration.ofHours(1)),
        closes,
        closes.atZone(ZoneOffset.UTC).toLocalDate().plusDays(14),
        Math.max(2, capacity),
        countryCapPercent,
        DEFAULT_LENGTH_WEEKS,
        DayOfWeek.MONDAY,
        9);
  }

  /** The same cycle lasting {@code weeks} weeks (one prompt a week). */
  public CycleBody lasting(int weeks) {
    return new CycleBody(
        name,
        registrationOpensAt,
        registrationClosesAt,
        partnershipStartsOn,
        capacity,
        countryCapPercent,
        weeks,
        promptWeekday,
        promptLocalHour);
  }

  /** The last day of the last week: {@code partnershipStartsOn + 7·lengthWeeks − 1}. */
  public LocalDate lastWeekEndsOn() {
    return partnershipStartsOn.plusDays(7L * lengthWeeks - 1);
  }

  /**
   * When the programme has ended everywhere, as prompt-service decides it: the start of the day
   * after {@link #lastWeekEndsOn} in UTC−12, which is that day at 12:00 UTC.
   */
  public Instant programmeEndsAt() {
    return lastWeekEndsOn().plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  /** The day prompt <i>n</i> (from 1) is due, at {@link #promptLocalHour} in each local time. */
  public LocalDate promptDay(int n) {
    return partnershipStartsOn.with(TemporalAdjusters.nextOrSame(promptWeekday)).plusWeeks(n - 1L);
  }

  /**
   * The same cycle with partnerships starting no earlier than {@code day}: prompt-service's demo
   * clock only moves forward, so a demo run after another starts its cycle after that one's end.
   */
  public CycleBody startingNoEarlierThan(LocalDate day) {
    return day.isAfter(partnershipStartsOn)
        ? new CycleBody(
            name,
            registrationOpensAt,
            registrationClosesAt,
            day,
            capacity,
            countryCapPercent,
            lengthWeeks,
            promptWeekday,
            promptLocalHour)
        : this;
  }
}
