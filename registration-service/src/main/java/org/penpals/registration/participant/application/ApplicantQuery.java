package org.penpals.registration.participant.application;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Iso;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Sector;

/**
 * Staff search over a cycle's applicants: every filter optional, combined with AND.
 *
 * @param text case-insensitive substring of name, email or organisation
 */
public record ApplicantQuery(
    String cycleId,
    @Nullable String country,
    @Nullable Sector sector,
    @Nullable String language,
    @Nullable ParticipantStatus status,
    @Nullable Admission admission,
    @Nullable String text,
    int page,
    int size) {

  public static final int MAX_SIZE = 200;

  public ApplicantQuery {
    Rules rules = new Rules();
    if (country != null) {
      country = country.toUpperCase(Locale.ROOT);
      rules.require(Iso.isCountry(country), "country", "must be an ISO 3166-1 alpha-2 code");
    }
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      rules.require(Iso.isLanguage(language), "language", "must be an ISO 639-1 code");
    }
    if (text != null) {
      text = text.strip();
      rules.require(text.length() <= 100, "q", "must have at most 100 characters");
      if (text.isEmpty()) {
        text = null;
      }
    }
    rules.require(page >= 0 && page <= 100_000, "page", "must be between 0 and 100000");
    rules.require(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
    rules.throwIfAny();
  }

  /** Every applicant of the cycle. */
  public static ApplicantQuery all(String cycleId) {
    return new ApplicantQuery(cycleId, null, null, null, null, null, null, 0, MAX_SIZE);
  }
}
