package org.penpals.matching.partnership;

/** Where a published partnership stands. */
public enum PartnershipStatus {
  /** Running: prompts go to it. */
  ACTIVE,
  /** Ended early: a member left, staff ended it, or a member was given a new partner. */
  DISSOLVED,
  /** Ran to the end of its cycle. */
  COMPLETED
}
