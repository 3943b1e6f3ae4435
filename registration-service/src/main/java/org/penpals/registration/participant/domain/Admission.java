package org.penpals.registration.participant.domain;

/** Whether an application holds a place in its cycle or waits for one. */
public enum Admission {
  ADMITTED,
  WAITLISTED;

  /** Why an application waits. */
  public enum Reason {
    CAPACITY,
    COUNTRY_CAP
  }
}
