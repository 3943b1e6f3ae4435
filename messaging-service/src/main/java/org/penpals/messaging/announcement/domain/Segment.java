package org.penpals.messaging.announcement.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.directory.domain.Recipient;

/**
 * Who an announcement is for, within its cycle. Everyone in a segment has confirmed their email and
 * is still in the cycle (not withdrawn, not erased).
 *
 * @param country ISO 3166-1 alpha-2 (upper case), for {@link Kind#COUNTRY} only
 */
public record Segment(Kind kind, @Nullable String country) {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /** The kinds of segment. */
  public enum Kind {
    /** Everyone in the cycle. */
    ALL,
    /** Members of running partnerships. */
    PARTNERED,
    /** Without a running partnership, on registration's or matching's waitlist. */
    WAITLISTED,
    /** Everyone working in one country. */
    COUNTRY
  }

  public Segment {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.COUNTRY) != (country != null)) {
      throw new IllegalArgumentException("a country is given for kind COUNTRY, and only for it");
    }
    if (country != null && !isCountry(country)) {
      throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code: " + country);
    }
  }

  public static boolean isCountry(String code) {
    return COUNTRIES.contains(code);
  }

  /**
   * Whether the participant is in the segment.
   *
   * @param partnered whether they are a member of a running partnership of the cycle
   */
  public boolean includes(Recipient r, boolean partnered) {
    if (!r.reachable()) {
      return false;
    }
    return switch (kind) {
      case ALL -> true;
      case PARTNERED -> partnered;
      case WAITLISTED -> !partnered && (r.onRegistrationWaitlist() || r.waitlistedByMatching());
      case COUNTRY -> r.countryCode().equals(country);
    };
  }
}
