package org.penpals.gateway.console;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a cycle stands (registration's {@code status}, ADR 0012 §1), in words, and what the console
 * offers at that stage.
 */
public enum CycleStage {
  DRAFT("Draft", "Not open yet: staff can still change everything."),
  REGISTRATION_OPEN("Registration open", "Librarians can apply now."),
  REGISTRATION_CLOSED(
      "Registration closed", "No more applications; matching can run on the applicants."),
  MATCHING("Matching", "Matching has run; its partnerships wait to be published."),
  MATCHES_PUBLISHED(
      "Matches published", "Partners have been introduced; the programme starts on its date."),
  RUNNING("Running", "Partnerships are under way and weekly prompts go out."),
  COMPLETED(
      "Completed", "The last week has passed: partnerships ended and the final survey went out."),
  ARCHIVED("Archived", "Closed for good: kept for reports, nothing changes any more.");

  private final String label;
  private final String meaning;

  CycleStage(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  /** The stage of a status as the registration service names it, or null for an unknown one. */
  public static @Nullable CycleStage of(@Nullable String status) {
    if (status == null) {
      return null;
    }
    try {
      return valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String label() {
    return label;
  }

  /** One sentence on what the stage means. */
  public String meaning() {
    return meaning;
  }

  /** Registration takes changes to a cycle's settings until matching starts. */
  public boolean editable() {
    return this == DRAFT || this == REGISTRATION_OPEN || this == REGISTRATION_CLOSED;
  }

  /** A draft's registration can be opened from the console. */
  public boolean opensRegistration() {
    return this == DRAFT;
  }

  public boolean closesRegistration() {
    return this == REGISTRATION_OPEN;
  }

  /** Matching runs on a closed registration (and again before publication). */
  public boolean awaitsMatching() {
    return this == REGISTRATION_CLOSED || this == MATCHING;
  }

  /** Only a completed cycle can be archived (registration answers 409 otherwise). */
  public boolean archivable() {
    return this == COMPLETED;
  }

  /** Staff may admit waitlisted applicants until the cycle has ended. */
  public boolean admits() {
    return this != COMPLETED && this != ARCHIVED;
  }

  /** Whether the programme is over (nothing is sent, re-matched or admitted any more). */
  public boolean ended() {
    return this == COMPLETED || this == ARCHIVED;
  }

  /** Announcements may be written to any cycle but an archived one (messaging answers 409). */
  public boolean announces() {
    return this != ARCHIVED;
  }
}
