package org.penpals.matching.engine;

/**
 * Polled by the engine between steps of its work; once it answers {@code true} the run ends with a
 * {@link MatchingCancelledException} within a fraction of a second.
 */
@FunctionalInterface
public interface Cancellation {
  Cancellation NEVER = () -> false;

  boolean isCancelled();
}
