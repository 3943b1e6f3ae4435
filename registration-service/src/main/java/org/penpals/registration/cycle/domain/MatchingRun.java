package org.penpals.registration.cycle.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The figures of a matching run of the cycle, kept for staff: the last run matching reported.
 *
 * @param people candidates in the run
 * @param matched people the run put in a partnership
 * @param gap how far the run's total score may be below the best possible (0 = proven optimal)
 * @param completedAt when the run finished
 */
public record MatchingRun(String runId, int people, int matched, double gap, Instant completedAt) {
  public MatchingRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(completedAt, "completedAt");
    if (runId.isBlank()) {
      throw new IllegalArgumentException("runId must not be blank");
    }
    if (people < 0 || matched < 0 || matched > people) {
      throw new IllegalArgumentException(
          "a run matches between 0 and its people (" + matched + " of " + people + ")");
    }
    if (!(gap >= 0)) {
      throw new IllegalArgumentException("gap must be 0 or more");
    }
  }

  /** Whether this run is a later one than {@code other} (another run, finished no earlier). */
  boolean supersedes(MatchingRun other) {
    return !runId.equals(other.runId) && !completedAt.isBefore(other.completedAt);
  }
}
