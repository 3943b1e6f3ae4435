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

  /** How a waitlisted application got its place. */
  public enum Route {
    /** A coordinator or admin admitted it (may exceed the capacity and the country cap). */
    STAFF,
    /** A place freed while registration was open, and it was next in line. */
    FREED_PLACE
  }
}
