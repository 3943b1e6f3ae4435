package org.penpals.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Dates and times written for one reader: their language and their time zone. */
public final class Dates {
  private final Locale locale;
  private final ZoneId zone;
  private final Clock clock;

  public Dates(Locale locale, ZoneId zone, Clock clock) {
    this.locale = locale;
    this.zone = zone;
    this.clock = clock;
  }

  public static ZoneId zone(@Nullable String id) {
    try {
      return id == null || id.isBlank() ? ZoneId.of("UTC") : ZoneId.of(id);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }

  public String date(@Nullable LocalDate date) {
    return date == null
        ? ""
        : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
  }

  public String date(@Nullable Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .withZone(zone)
            .format(instant);
  }

  /** {@link #date(Instant)} under a name of its own: a null from a template picks no overload. */
  public String day(@Nullable Instant instant) {
    return date(instant);
  }

  public String dateTime(@Nullable Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone)
            .format(instant);
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public String iso(@Nullable Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /** "Tuesday 14:05" now, in another person's time zone. */
  public String nowIn(@Nullable String timeZone) {
    ZonedDateTime there = ZonedDateTime.now(clock).withZoneSameInstant(zone(timeZone));
    return there.getDayOfWeek().getDisplayName(TextStyle.FULL, locale)
        + " "
        + there.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
  }
}
