package org.penpals.matching.partnership;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Finishes publications a crash interrupted: soon after start, then periodically, on one instance
 * at a time. A publication still going after {@code staleAfter} is taken as interrupted; finishing
 * one that is in fact still going elsewhere does no harm (every write is keyed or conditional).
 */
public class PublicationRecovery {
  private static final Logger log = LoggerFactory.getLogger(PublicationRecovery.class);

  private final PublicationService publications;
  private final Clock clock;
  private final Duration staleAfter;

  public PublicationRecovery(PublicationService publications, Clock clock, Duration staleAfter) {
    this.publications = publications;
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  @Scheduled(
      initialDelayString = "${penpals.matching.publications.resume-initial-delay:5s}",
      fixedDelayString = "${penpals.matching.publications.resume-interval:30s}")
  @SchedulerLock(name = "matching-resume-publications", lockAtMostFor = "PT30M")
  public void resumeInterrupted() {
    try {
      int resumed = publications.resumeUnfinished(clock.instant().minus(staleAfter));
      if (resumed > 0) {
        log.info("finished {} interrupted publication(s)", resumed);
      }
    } catch (RuntimeException e) {
      log.warn("could not finish interrupted publications: {} (tried again later)", e.toString());
    }
  }
}
