package org.penpals.registration.participant.domain;

public enum ParticipantStatus {
  /** Applied; the email is not confirmed yet. */
  PENDING_VERIFICATION,
  /** Email confirmed: can be matched. */
  VERIFIED,
  WITHDRAWN,
  /** Personal data removed. */
  ERASED
}
