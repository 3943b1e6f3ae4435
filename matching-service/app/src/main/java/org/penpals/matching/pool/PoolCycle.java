package org.penpals.matching.pool;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.registration.CycleStatus;

/**
 * What matching knows of a cycle, from the registration events.
 *
 * @param completedAt programme time the cycle completed (its partnerships ended with it)
 */
public record PoolCycle(
    String cycleId,
    String name,
    CycleStatus status,
    LocalDate partnershipStartsOn,
    @Nullable Instant completedAt) {

  public PoolCycle(String cycleId, String name, CycleStatus status, LocalDate partnershipStartsOn) {
    this(cycleId, name, status, partnershipStartsOn, null);
  }

  /** Completed or archived: no partnership is formed, dissolved or re-matched any more. */
  public boolean ended() {
    return status == CycleStatus.COMPLETED || status == CycleStatus.ARCHIVED;
  }

  /**
   * Whether registration's status {@code next} may replace this one: a cycle that ended stays ended
   * (a completed one may only be archived), whatever an older event redelivered says.
   */
  public boolean mayMoveTo(CycleStatus next) {
    if (status == CycleStatus.ARCHIVED) {
      return next == CycleStatus.ARCHIVED;
    }
    if (status == CycleStatus.COMPLETED) {
      return next == CycleStatus.COMPLETED || next == CycleStatus.ARCHIVED;
    }
    return true;
  }
}
