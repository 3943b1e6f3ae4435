package org.penpals.matching.rematch.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A cycle's pending re-matching: people need a partner after publication (a partner left, they
 * arrived late, they asked for a new partner), and one run pairs them all. One request per cycle;
 * asking again while one is pending changes nothing but {@code rev}, so a burst of withdrawals
 * becomes one run, and a request asked for again after its run started is run once more.
 *
 * @param rev changed by every write (asks included): writes are compare-and-set on it
 * @param requestedAt when it was first asked for
 * @param dueAt when a {@link State#PENDING} request may start its run
 * @param runId the run it started ({@link State#STARTED})
 * @param attempts runs that failed so far (each retry waits longer)
 */
public record RematchRequest(
    String cycleId,
    State state,
    long rev,
    Instant requestedAt,
    Instant dueAt,
    @Nullable String runId,
    int attempts) {

  public enum State {
    /** Asked for; no run yet. */
    PENDING,
    /**
     * Its run was started (and, unless a crash interrupted it, finished): to be published
     * (AUTOMATIC) or left to staff as a proposal (PROPOSE), then removed.
     */
    STARTED
  }

  public RematchRequest {
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    if (state == State.STARTED && runId == null) {
      throw new IllegalArgumentException("a started re-matching names its run");
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
  }

  /** Whether the job should look at it now. */
  public boolean due(Instant now) {
    return state == State.STARTED || !dueAt.isAfter(now);
  }

  /** How long to wait before the run after {@code attempts} failed ones: doubling, capped. */
  public static Duration backoff(int attempts, Duration first, Duration max) {
    Duration wait = first.multipliedBy(1L << Math.min(attempts, 20));
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
