package org.penpals.registration.participant.adapter.in.schedule;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.penpals.registration.participant.application.Waitlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Makes the waitlist checks that are due (a place freed, a setting changed, an applicant on the
 * waitlist confirmed their email; or none made for a while), so an admission owed is made even if
 * the process that owed it died. One instance at a time, under a ShedLock lease.
 */
public class WaitlistSweep {
  private static final Logger log = LoggerFactory.getLogger(WaitlistSweep.class);
  private final Waitlist waitlist;
  private final Duration recheckAfter;

  public WaitlistSweep(Waitlist waitlist, Duration recheckAfter) {
    this.waitlist = waitlist;
    this.recheckAfter = recheckAfter;
  }

  @Scheduled(
      fixedDelayString = "${penpals.registration.waitlist.sweep-interval:5s}",
      initialDelayString = "${penpals.registration.waitlist.sweep-interval:5s}")
  @SchedulerLock(name = "registration-waitlist-sweep", lockAtMostFor = "PT2M")
  public void sweep() {
    try {
      int admitted = waitlist.sweep(recheckAfter);
      if (admitted > 0) {
        log.info("admitted {} waitlisted applicant(s) to freed places", admitted);
      }
    } catch (RuntimeException e) {
      log.warn("waitlist sweep failed, next time: {}", e.toString());
    }
  }
}
