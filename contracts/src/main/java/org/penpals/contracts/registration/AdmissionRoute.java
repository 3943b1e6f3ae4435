package org.penpals.contracts.registration;

/** How a waitlisted applicant got a place. */
public enum AdmissionRoute {
  /** A coordinator or admin admitted them. */
  STAFF,
  /** A place freed up while registration was open and they were next in line. */
  FREED_PLACE
}
