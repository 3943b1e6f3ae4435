package org.penpals.matching.partnership;

import java.time.Instant;
import java.util.List;
import org.penpals.contracts.matching.PartnershipCompleted;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a completed cycle's partnerships: each active one becomes {@code COMPLETED} in a conditional
 * write carrying its {@code PartnershipCompleted}, so doing it twice (a redelivered event, a
 * publication that raced the completion) completes and tells each partnership once.
 */
public class CycleCompletion {
  private static final Logger log = LoggerFactory.getLogger(CycleCompletion.class);

  private final Pool pool;
  private final Partnerships partnerships;

  public CycleCompletion(Pool pool, Partnerships partnerships) {
    this.pool = pool;
    this.partnerships = partnerships;
  }

  /** Completes every partnership of the cycle still active; returns how many it completed. */
  public int complete(String cycleId, Instant completedAt) {
    int completed = 0;
    for (Partnership p : partnerships.activeOfCycle(cycleId)) {
      if (partnerships.complete(
          p.id(),
          completedAt,
          List.of(new PartnershipCompleted(p.id(), cycleId, p.members(), completedAt)))) {
        completed++;
      }
    }
    if (completed > 0) {
      log.info("cycle {} completed: {} partnership(s) completed", cycleId, completed);
    }
    return completed;
  }

  /**
   * After a partnership was formed: if the cycle ended meanwhile (the completion raced a
   * publication or a hand-pair), complete what is still active.
   */
  public void ifEnded(String cycleId, Instant now) {
    pool.cycle(cycleId)
        .filter(PoolCycle::ended)
        .ifPresent(c -> complete(cycleId, c.completedAt() == null ? now : c.completedAt()));
  }
}
