package org.penpals.matching.engine;

/**
 * Told how a run is getting on: called by the run's threads (the caller's, or the solver's helper
 * thread while it solves), one call at a time, every few thousand steps of work, so it should
 * return quickly (e.g. store the latest value in a volatile field for a status endpoint).
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (phase, fraction, message) -> {};

  /**
   * @param fraction 0..1 within the phase
   * @param message a short status for staff, e.g. "1,204 alternating trees open"
   */
  void onProgress(MatchingPhase phase, double fraction, String message);
}
