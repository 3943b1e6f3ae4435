package org.penpals.messaging.announcement.adapter.in.scheduling;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.penpals.messaging.announcement.application.AnnouncementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends due announcements every {@code penpals.messaging.announcements.interval}, on one instance
 * at a time (a ShedLock lease, {@code announcements}). Two instances racing anyway (a lease that
 * ran out) make no second mail: each mail's key is unique and each record of progress is a
 * compare-and-set.
 */
public class AnnouncementSender {
  private static final Logger log = LoggerFactory.getLogger(AnnouncementSender.class);
  private final AnnouncementService announcements;

  public AnnouncementSender(AnnouncementService announcements) {
    this.announcements = announcements;
  }

  @Scheduled(
      fixedDelayString = "${penpals.messaging.announcements.interval:5s}",
      initialDelayString = "${penpals.messaging.announcements.initial-delay:0s}")
  @SchedulerLock(name = "announcements", lockAtMostFor = "PT10M")
  public void sendDue() {
    try {
      int handled = announcements.sendDue();
      if (handled > 0) {
        log.debug("announcement round handled {} recipient(s)", handled);
      }
    } catch (RuntimeException e) {
      log.warn("announcement round failed: {}", e.toString());
    }
  }
}
