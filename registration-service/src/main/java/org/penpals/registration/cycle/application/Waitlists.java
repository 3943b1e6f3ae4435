package org.penpals.registration.cycle.application;

/** The cycle's waitlist, as cycle changes need it: a change may have made room. */
public interface Waitlists {
  /**
   * Places may have freed (capacity or country cap raised, registration reopened): admits the next
   * in line now if the cycle is open. Never fails the caller; a check left undone is made by the
   * sweep.
   */
  void placesMayHaveFreed(String cycleId);
}
