package org.penpals.contracts.registration;

/**
 * Whether an application took a place in the cycle or waits for one (capacity reached, or the
 * applicant's country over the cycle's per-country cap).
 */
public enum Admission {
  ADMITTED,
  WAITLISTED
}
