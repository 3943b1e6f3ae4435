package org.penpals.matching.engine;

/**
 * Told how a run is getting on; called on the thread that runs the engine, a few hundred times per
 * run at most, so it should return quickly (e.g. store the latest value for a status endpoint).
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
