package org.penpals.matching.partnership;

/** Why a partnership ended early ({@code PartnershipDissolved.reason}). */
public enum DissolutionReason {
  /** A member withdrew from the cycle. */
  WITHDRAWAL,
  /** A member's personal data was erased. */
  ERASURE,
  /** Staff ended it; every member waits for a new partner. */
  STAFF,
  /**
   * A member asked for a new partner after their reported silence went unanswered: the silent
   * members leave the partnership (and stay in the cycle unpaired), the reporter is re-paired.
   */
  QUIET
}
