package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * The programme clock reached the cycle's partnership start: the partnerships run. Type {@code
 * org.penpals.registration.cycle.running.v1}; key: the cycle id. Registration moves the cycle from
 * MATCHES_PUBLISHED to RUNNING when prompt-service tells it the programme started ({@code
 * ProgrammeStarted}).
 *
 * @param startedAt programme time the cycle started running
 */
public record CycleRunning(String cycleId, CycleDetails cycle, Instant startedAt) {
  public CycleRunning {
    Contract.text(cycleId, "cycleId");
    Objects.requireNonNull(cycle, "cycle");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
