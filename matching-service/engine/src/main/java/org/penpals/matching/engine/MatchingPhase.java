package org.penpals.matching.engine;

/** The steps of a run, in order, as reported to a {@link ProgressListener}. */
public enum MatchingPhase {
  VALIDATING,
  CANDIDATE_GRAPH,
  SOLVING,
  LEFTOVERS,
  DONE
}
