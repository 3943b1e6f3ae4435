package org.penpals.matching.newpartner.adapter.in.scheduler;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.penpals.matching.newpartner.application.NewPartnerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Finishes accepted new-partner requests a crash interrupted, on one instance at a time. */
public class NewPartnerJob {
  private static final Logger log = LoggerFactory.getLogger(NewPartnerJob.class);

  private final NewPartnerService service;
  private final Clock clock;
  private final Duration staleAfter;

  /**
   * @param staleAfter an accepted request not carried out for this long was interrupted
   */
  public NewPartnerJob(NewPartnerService service, Clock clock, Duration staleAfter) {
    this.service = service;
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  @Scheduled(
      initialDelayString = "${penpals.matching.new-partner.sweep-initial-delay:10s}",
      fixedDelayString = "${penpals.matching.new-partner.sweep-interval:30s}")
  @SchedulerLock(name = "matching-new-partner-requests")
  public void finishInterrupted() {
    try {
      int finished = service.finishInterrupted(clock.instant().minus(staleAfter));
      if (finished > 0) {
        log.info("carried out {} interrupted new-partner request(s)", finished);
      }
    } catch (RuntimeException e) {
      log.warn("new-partner sweep failed: {} (next round tries again)", e.toString());
    }
  }
}
