package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * The cycle's last scheduled week is over: the cycle is complete and its partnerships end with it.
 * Type {@code org.penpals.registration.cycle.completed.v1}; key: the cycle id. Matching ends every
 * running partnership ({@code PartnershipCompleted}); messaging tells everyone still in the cycle
 * without a partnership that it has ended.
 *
 * @param completedAt programme time the cycle completed
 */
public record CycleCompleted(String cycleId, CycleDetails cycle, Instant completedAt) {
  public CycleCompleted {
    Contract.text(cycleId, "cycleId");
    Objects.requireNonNull(cycle, "cycle");
    Objects.requireNonNull(completedAt, "completedAt");
  }
}
