package org.penpals.contracts.prompts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The programme clock reached a cycle's partnership start (the start of that day in the earliest
 * time zone, UTC+14). Type {@code org.penpals.prompts.cycle.started.v1}; key: the cycle id.
 * Registration moves the cycle to RUNNING.
 *
 * @param partnershipStartsOn the cycle's first partnership day
 * @param startedAt that moment in programme time, also when it is noticed later (a demo clock that
 *     jumped past it)
 */
public record ProgrammeStarted(String cycleId, LocalDate partnershipStartsOn, Instant startedAt) {
  public ProgrammeStarted {
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(partnershipStartsOn, "partnershipStartsOn");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
