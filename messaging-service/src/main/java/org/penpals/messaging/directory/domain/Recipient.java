package org.penpals.messaging.directory.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * This service's copy of a participant's contact details, kept from registration events. Personal
 * data: deleted when the participant is erased.
 *
 * @param revision the registration event revision it was taken from; older events change nothing
 * @param countryCode ISO 3166-1 alpha-2 country of work
 * @param timeZone IANA time zone
 * @param locale language of programme mail (BCP 47)
 * @param withdrawn the participant left the cycle: no more programme mail
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
    boolean withdrawn) {

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

  /** The time zone, or UTC when the stored id is not one this JVM knows. */
  public ZoneId zone() {
    try {
      return ZoneId.of(timeZone);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
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
        true);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
