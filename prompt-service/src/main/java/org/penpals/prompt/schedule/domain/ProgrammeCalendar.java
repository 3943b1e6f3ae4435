package org.penpals.prompt.schedule.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Objects;

/**
 * When a cycle's prompts fall. Weeks run from the partnership start date: week {@code k} is the
 * seven days from {@code startsOn + 7(k-1)}, and its prompt falls on the first {@code weekday} in
 * it, at {@code hour} o'clock <em>in each participant's own time zone</em>. A weekly cycle of
 * {@code L} weeks has {@code L} prompts; a fortnightly one has {@code ceil(L/2)}, prompt {@code n}
 * in week {@code 2n-1}.
 *
 * <p>Daylight saving time: the due instant is {@link ZonedDateTime#of} the local date and hour in
 * the zone, so a participant always gets it at that hour on their own clock; an hour that does not
 * exist on a spring-forward day moves to the first valid time after it, and an hour that occurs
 * twice on a fall-back day is taken at its first occurrence.
 */
public record ProgrammeCalendar(
    LocalDate startsOn, int lengthWeeks, Cadence cadence, DayOfWeek weekday, int hour) {

  public ProgrammeCalendar {
    Objects.requireNonNull(startsOn, "startsOn");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(weekday, "weekday");
    if (lengthWeeks < 1 || lengthWeeks > 52) {
      throw new IllegalArgumentException("lengthWeeks must be 1..52");
    }
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be 0..23");
    }
  }

  /** The earliest time zone: a day starts there first. */
  public static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

  /** The latest time zone: a day ends there last. */
  public static final ZoneOffset LATEST = ZoneOffset.ofHours(-12);

  /**
   * When the programme starts everywhere it begins: the start of {@code startsOn} in the earliest
   * time zone (UTC+14), i.e. the day before at 10:00 UTC.
   */
  public Instant startsAt() {
    return startsOn.atStartOfDay(EARLIEST).toInstant();
  }

  /** The last day of the last scheduled week: {@code startsOn + 7 * lengthWeeks - 1}. */
  public LocalDate lastWeekEndsOn() {
    return startsOn.plusDays(7L * lengthWeeks - 1);
  }

  /**
   * When the last scheduled week is over everywhere: the start of the day after {@link
   * #lastWeekEndsOn()} in the latest time zone (UTC-12), i.e. that day at 12:00 UTC.
   */
  public Instant endsAt() {
    return lastWeekEndsOn().plusDays(1).atStartOfDay(LATEST).toInstant();
  }

  /** How many prompts the cycle has. */
  public int prompts() {
    return cadence == Cadence.WEEKLY ? lengthWeeks : (lengthWeeks + 1) / 2;
  }

  /** The programme week (1-based) prompt {@code number} falls in. */
  public int week(int number) {
    check(number);
    return cadence == Cadence.WEEKLY ? number : 2 * number - 1;
  }

  /** The local date prompt {@code number} is sent on (the same date in every zone). */
  public LocalDate date(int number) {
    return startsOn.with(TemporalAdjusters.nextOrSame(weekday)).plusWeeks(week(number) - 1L);
  }

  /** When prompt {@code number} is due for a participant in {@code zone}. */
  public Instant dueAt(int number, ZoneId zone) {
    return ZonedDateTime.of(date(number), LocalTime.of(hour, 0), zone).toInstant();
  }

  /**
   * The first prompt a partnership formed at {@code formedAt} gets: the first one still ahead for
   * every member (so partners always share the same prompt), or {@code prompts() + 1} when the
   * cycle's last prompt has passed for someone.
   */
  public int firstFor(Instant formedAt, Collection<ZoneId> zones) {
    for (int n = 1; n <= prompts(); n++) {
      int number = n;
      if (zones.stream().noneMatch(zone -> dueAt(number, zone).isBefore(formedAt))) {
        return n;
      }
    }
    return prompts() + 1;
  }

  private void check(int number) {
    if (number < 1 || number > prompts()) {
      throw new IllegalArgumentException("prompt number " + number + " is outside 1.." + prompts());
    }
  }
}
