package org.penpals.messaging.directory.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * This service's copy of a participant's contact details and standing in their cycle, kept from
 * registration and matching events. Personal data: deleted when the participant is erased.
 *
 * <p>The standing facts ({@code verified}, {@code waitlistReason}, {@code admittedAt}, {@code
 * waitlistedByMatching}) only ever become true or set: a copy that lacks them (a profile update
 * carries none) leaves the kept ones as they are.
 *
 * @param revision the registration event revision it was taken from; older events change nothing
 * @param countryCode ISO 3166-1 alpha-2 country of work
 * @param timeZone IANA time zone
 * @param locale language of programme mail (BCP 47)
 * @param withdrawn the participant left the cycle: no more programme mail
 * @param verified the participant confirmed their email ({@code ParticipantEmailVerified}, or
 *     implied by matching, which pairs and waitlists only verified people)
 * @param waitlistReason why registration waitlisted the application, or null if it took a place
 * @param admittedAt when a waitlisted applicant was given a place ({@code ParticipantAdmitted})
 * @param waitlistedByMatching matching found nobody for them when it published a run
 */
public record Recipient(
    String participantId,
    String cycleId,
    long revision,
    String fullName,
    String email,
    String countryCode,
    String organisation,
    String timeZone,
    String locale,
    boolean withdrawn,
    boolean verified,
    @Nullable WaitlistReason waitlistReason,
    @Nullable Instant admittedAt,
    boolean waitlistedByMatching) {

  public Recipient {
    require(participantId, "participantId");
    require(cycleId, "cycleId");
    require(fullName, "fullName");
    require(email, "email");
    require(countryCode, "countryCode");
    Objects.requireNonNull(organisation, "organisation");
    require(timeZone, "timeZone");
    require(locale, "locale");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be positive");
    }
  }

  /** Contact details only, with no standing facts (they are kept as they are when saved). */
  public Recipient(
      String participantId,
      String cycleId,
      long revision,
      String fullName,
      String email,
      String countryCode,
      String organisation,
      String timeZone,
      String locale,
      boolean withdrawn) {
    this(
        participantId,
        cycleId,
        revision,
        fullName,
        email,
        countryCode,
        organisation,
        timeZone,
        locale,
        withdrawn,
        false,
        null,
        null,
        false);
  }

  /** Why registration waitlisted an application. */
  public enum WaitlistReason {
    /** The cycle's places were taken. */
    CAPACITY,
    /** The applicant's country had reached its share of the places. */
    COUNTRY_CAP;

    /** The reason registration gave, or {@link #CAPACITY} for one this service does not know. */
    public static WaitlistReason of(@Nullable String reason) {
      for (WaitlistReason r : values()) {
        if (r.name().equals(reason)) {
          return r;
        }
      }
      return CAPACITY;
    }
  }

  /** The time zone, or UTC when the stored id is not one this JVM knows. */
  public ZoneId zone() {
    try {
      return ZoneId.of(timeZone);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }

  /** Waitlisted by registration and not admitted since. */
  public boolean onRegistrationWaitlist() {
    return waitlistReason != null && admittedAt == null;
  }

  /** The first word of the full name: all a partner's reminder reveals. */
  public String firstName() {
    return fullName.strip().split("\\s+", 2)[0];
  }

  /** Still in the cycle with a confirmed email: reached by announcements and cycle news. */
  public boolean reachable() {
    return verified && !withdrawn;
  }

  public Recipient withdraw(long atRevision) {
    return new Recipient(
        participantId,
        cycleId,
        Math.max(revision, atRevision),
        fullName,
        email,
        countryCode,
        organisation,
        timeZone,
        locale,
        true,
        verified,
        waitlistReason,
        admittedAt,
        waitlistedByMatching);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
