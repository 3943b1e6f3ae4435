package org.penpals.matching.pool;

/** Where matching placed a member of the pool. */
public enum Placement {
  /** Not matched yet: before the cycle's matching, or admitted or verified after it. */
  UNPLACED,
  /** In an active partnership. */
  PARTNERED,
  /** Nobody could be paired with them at publication (matching's waitlist). */
  WAITLISTED,
  /** Their partner left, or they asked for a new one: re-matched automatically. */
  NEEDS_PARTNER,
  /**
   * Went silent and their partner was given a new one: still in the cycle, never re-paired
   * automatically (staff may hand-pair them).
   */
  QUIET;

  /** Whether an automatic re-matching considers them (if they can be matched at all). */
  public boolean waiting() {
    return this == UNPLACED || this == WAITLISTED || this == NEEDS_PARTNER;
  }
}
