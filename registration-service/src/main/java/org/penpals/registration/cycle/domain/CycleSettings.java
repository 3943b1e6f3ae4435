package org.penpals.registration.cycle.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.penpals.platform.domain.Rules;

/**
 * What staff decide about a cycle. Validates itself: every broken rule is reported at once, named
 * by its field.
 *
 * @param countryCapPercent share of the capacity one country may hold (100 = no cap); ILN deferred
 *     applicants once one country passed 20 % of a round
 */
public record CycleSettings(
    String name,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    LocalDate partnershipStartsOn,
    int lengthWeeks,
    PromptCadence promptCadence,
    DayOfWeek promptWeekday,
    int promptLocalHour,
    int capacity,
    int countryCapPercent) {

  public static final int DEFAULT_LENGTH_WEEKS = 17;
  public static final int MAX_CAPACITY = 1_000_000;

  public CycleSettings {
    Rules rules = new Rules();
    name = rules.text(name, "name", 1, 120);
    rules.present(registrationOpensAt, "registrationOpensAt");
    rules.present(registrationClosesAt, "registrationClosesAt");
    rules.present(partnershipStartsOn, "partnershipStartsOn");
    rules.present(promptCadence, "promptCadence");
    rules.present(promptWeekday, "promptWeekday");
    if (registrationOpensAt != null && registrationClosesAt != null) {
      rules.require(
          registrationClosesAt.isAfter(registrationOpensAt),
          "registrationClosesAt",
          "must be after registrationOpensAt");
      if (partnershipStartsOn != null) {
        rules.require(
            !partnershipStartsOn.isBefore(
                registrationClosesAt.atZone(ZoneOffset.UTC).toLocalDate()),
            "partnershipStartsOn",
            "must not be before registration closes");
      }
    }
    rules.require(lengthWeeks >= 1 && lengthWeeks <= 52, "lengthWeeks", "must be between 1 and 52");
    rules.require(
        promptLocalHour >= 0 && promptLocalHour <= 23,
        "promptLocalHour",
        "must be between 0 and 23");
    rules.require(
        capacity >= 2 && capacity <= MAX_CAPACITY,
        "capacity",
        "must be between 2 and " + MAX_CAPACITY);
    rules.require(
        countryCapPercent >= 1 && countryCapPercent <= 100,
        "countryCapPercent",
        "must be between 1 and 100");
    rules.throwIfAny();
  }

  /** Most places one country may hold: at least one. */
  public int countryCap() {
    return Math.max(1, (int) ((long) capacity * countryCapPercent / 100));
  }

  /** The last day of the last scheduled week: {@code partnershipStartsOn + 7·lengthWeeks − 1}. */
  public LocalDate lastWeekEndsOn() {
    return partnershipStartsOn.plusDays(7L * lengthWeeks - 1);
  }

  public boolean windowContains(Instant now) {
    return !now.isBefore(registrationOpensAt) && now.isBefore(registrationClosesAt);
  }
}
