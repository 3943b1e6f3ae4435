package org.penpals.registration.cycle.application;

/** How many active applications a cycle has, by admission (answered by the participant store). */
public interface ApplicantCounts {
  Counts count(String cycleId);

  /** Applications still in the cycle that wait for a place. */
  long countWaitlisted(String cycleId);

  record Counts(long admitted, long waitlisted) {}
}
