package org.penpals.matching.rematch.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.penpals.matching.rematch.domain.RematchRequest;

/**
 * The durable queue of re-matchings, one request per cycle. Every change but {@link #ask} and
 * {@link #drop} is a compare-and-set on the request's {@code rev}: false means someone else changed
 * it first (re-read and decide again).
 */
public interface RematchQueue {
  /**
   * Asks for a re-matching of the cycle: a new request is pending, due at {@code dueAt}; an
   * existing one becomes due no later than {@code dueAt} and its {@code rev} moves (so a run
   * already started is followed by another).
   */
  void ask(String cycleId, Instant now, Instant dueAt);

  Optional<RematchRequest> find(String cycleId);

  /** Requests the job should look at: pending and due, or started. */
  List<RematchRequest> due(Instant now);

  /** PENDING → STARTED with the run it is about to start. */
  boolean start(RematchRequest request, String runId);

  /** Back to PENDING, due at {@code dueAt}, having failed {@code attempts} times. */
  boolean retry(RematchRequest request, Instant dueAt, int attempts);

  /** Removes the request once its work is done. */
  boolean remove(RematchRequest request);

  /** Removes the cycle's request whatever its state (the cycle ended). */
  void drop(String cycleId);
}
