package org.penpals.matching.engine;

/** Why an applicant is on the waitlist. */
public enum WaitlistReason {
  /** No other candidate of the run is a valid partner under the hard rules. */
  NO_VALID_PARTNER,
  /**
   * Valid partners exist but all of them are needed elsewhere: an odd count, or too many people
   * from one country or one language; and (with trios) no pair could take a third member.
   */
  NO_PARTNER_LEFT
}
