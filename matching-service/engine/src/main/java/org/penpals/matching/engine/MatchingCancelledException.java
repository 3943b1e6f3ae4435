package org.penpals.matching.engine;

import java.util.concurrent.CancellationException;

/** Thrown by {@link MatchingEngine#match} when its {@link Cancellation} asked it to stop. */
public final class MatchingCancelledException extends CancellationException {
  private static final long serialVersionUID = 1L;

  public MatchingCancelledException(MatchingPhase phase) {
    super("matching cancelled during " + phase);
  }
}
