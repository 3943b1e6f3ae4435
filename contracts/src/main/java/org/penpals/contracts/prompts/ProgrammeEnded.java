package org.penpals.contracts.prompts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The programme clock passed the end of a cycle's last scheduled week everywhere: the day after it,
 * in the latest time zone (UTC-12). Type {@code org.penpals.prompts.cycle.ended.v1}; key: the cycle
 * id. Registration moves the cycle to COMPLETED.
 *
 * @param prompts how many prompts the cycle's schedule had
 * @param lastWeekEndsOn the last day of the cycle's last scheduled week
 * @param endedAt that moment in programme time, also when it is noticed later
 */
public record ProgrammeEnded(
    String cycleId, int prompts, LocalDate lastWeekEndsOn, Instant endedAt) {
  public ProgrammeEnded {
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(lastWeekEndsOn, "lastWeekEndsOn");
    Objects.requireNonNull(endedAt, "endedAt");
  }
}
