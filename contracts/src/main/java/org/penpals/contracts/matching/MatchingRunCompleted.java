package org.penpals.contracts.matching;

import java.time.Instant;
import java.util.Objects;

/**
 * A matching run finished (a preview, or the run that was published). Type {@code
 * org.penpals.matching.run.completed.v1}; key: the cycle id.
 */
public record MatchingRunCompleted(
    String runId, String cycleId, boolean published, QualityReport report, Instant completedAt) {
  public MatchingRunCompleted {
    Check.text(runId, "runId");
    Check.text(cycleId, "cycleId");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(completedAt, "completedAt");
  }
}
