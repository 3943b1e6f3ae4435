package org.penpals.matching.rematch.adapter.in.scheduler;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.penpals.matching.rematch.application.Rematching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Starts the due re-matchings every few seconds, on one instance at a time (a ShedLock lease; the
 * queue's compare-and-set writes keep it exactly once even without one). The run goes on this
 * thread, so the lease is held until it is published or proposed.
 */
public class RematchJob {
  private static final Logger log = LoggerFactory.getLogger(RematchJob.class);

  private final Rematching rematching;
  private final boolean enabled;

  public RematchJob(Rematching rematching, boolean enabled) {
    this.rematching = rematching;
    this.enabled = enabled;
  }

  @Scheduled(
      initialDelayString = "${penpals.matching.rematch.initial-delay:2s}",
      fixedDelayString = "${penpals.matching.rematch.interval:2s}")
  @SchedulerLock(
      name = "matching-rematch",
      lockAtMostFor = "${penpals.matching.rematch.lock-at-most:PT15M}")
  public void runDue() {
    if (!enabled) {
      return;
    }
    try {
      int done = rematching.runDue();
      if (done > 0) {
        log.debug("{} re-matching(s) done", done);
      }
    } catch (RuntimeException e) {
      log.warn("re-matching round failed: {} (next round tries again)", e.toString());
    }
  }
}
