package org.penpals.registration.cycle.adapter.in.messaging;

import java.util.function.Consumer;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.MatchingRunCompleted;
import org.penpals.contracts.matching.QualityReport;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.registration.cycle.application.CycleService;
import org.penpals.registration.cycle.domain.MatchingRun;
import org.springframework.messaging.Message;

/**
 * Follows matching: a finished run moves a closed cycle to MATCHING and leaves its figures on the
 * cycle; a publication freezes the cycle's applications.
 */
public final class MatchingListener {
  public static final String GROUP = "registration-service";

  private MatchingListener() {}

  public static Consumer<Message<byte[]>> of(EventDispatcher.Factory events, CycleService cycles) {
    return events
        .forGroup(GROUP)
        .on(
            MatchingEvents.RUN_COMPLETED,
            e -> cycles.matchingRunCompleted(e.data().cycleId(), run(e.data())))
        .on(MatchingEvents.MATCHES_PUBLISHED, e -> cycles.matchesPublished(e.data().cycleId()))
        .build();
  }

  static MatchingRun run(MatchingRunCompleted completed) {
    QualityReport report = completed.report();
    return new MatchingRun(
        completed.runId(),
        report.people(),
        report.matched(),
        report.gap(),
        completed.completedAt());
  }
}
