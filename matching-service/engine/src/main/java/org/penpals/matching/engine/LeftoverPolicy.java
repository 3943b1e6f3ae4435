package org.penpals.matching.engine;

/** What happens to applicants the matching leaves without a partner. */
public enum LeftoverPolicy {
  /**
   * Join an existing pair as a group of three where all hard rules hold pairwise; else waitlist.
   */
  TRIOS,
  /** Go on the waitlist. */
  WAITLIST
}
