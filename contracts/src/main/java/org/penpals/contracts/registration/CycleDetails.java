package org.penpals.contracts.registration;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything downstream services need to know about a cycle, as of the event.
 *
 * @param name human name, e.g. "2027 cycle 1"
 * @param registrationOpensAt start of the application window
 * @param registrationClosesAt end of the application window (exclusive)
 * @param partnershipStartsOn first day of the partnerships
 * @param lengthWeeks partnership length in weeks (17 by default)
 * @param promptCadence weekly or fortnightly prompts
 * @param promptWeekday weekday prompts are sent, in each participant's own time zone
 * @param promptLocalHour hour of day (0-23) prompts are sent, participant's local time
 * @param capacity places in the cycle; applications beyond it are waitlisted
 * @param countryCapPercent share of the capacity one country may take (1-100); beyond it,
 *     waitlisted
 * @param status lifecycle status
 */
public record CycleDetails(
    String name,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    LocalDate partnershipStartsOn,
    int lengthWeeks,
    PromptCadence promptCadence,
    DayOfWeek promptWeekday,
    int promptLocalHour,
    int capacity,
    int countryCapPercent,
    CycleStatus status) {

  public CycleDetails {
    Contract.text(name, "name");
    Objects.requireNonNull(registrationOpensAt, "registrationOpensAt");
    Objects.requireNonNull(registrationClosesAt, "registrationClosesAt");
    Objects.requireNonNull(partnershipStartsOn, "partnershipStartsOn");
    Objects.requireNonNull(promptCadence, "promptCadence");
    Objects.requireNonNull(promptWeekday, "promptWeekday");
    Objects.requireNonNull(status, "status");
  }
}
