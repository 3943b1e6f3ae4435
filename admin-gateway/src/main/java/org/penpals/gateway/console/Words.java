package org.penpals.gateway.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Text helpers for templates ({@code ${@words.constant(...)}}). */
@Component("words")
public class Words {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** {@code REGISTRATION_OPEN} → {@code Registration open}. */
  public static String constant(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String spaced = value.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  public String label(@Nullable String value) {
    return constant(value);
  }

  public String when(@Nullable String isoInstant) {
    if (isoInstant == null || isoInstant.isBlank()) {
      return "";
    }
    try {
      return WHEN.format(Instant.parse(isoInstant));
    } catch (RuntimeException e) {
      return isoInstant;
    }
  }

  /** {@code 2027-03-01} → {@code 1 Mar 2027}. */
  public String day(@Nullable String isoDate) {
    if (isoDate == null || isoDate.isBlank()) {
      return "";
    }
    try {
      return DAY.format(LocalDate.parse(isoDate));
    } catch (RuntimeException e) {
      return isoDate;
    }
  }

  /** {@code 1, "applicant"} → {@code 1 applicant}; {@code 2, ...} → {@code 2 applicants}. */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  public String country(@Nullable String code) {
    return code == null || code.isEmpty() ? "" : Chart.Labeler.country().label(code);
  }
}
