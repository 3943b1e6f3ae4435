package org.penpals.contracts.registration;

/** Lifecycle of a programme cycle, in order. */
public enum CycleStatus {
  DRAFT,
  REGISTRATION_OPEN,
  REGISTRATION_CLOSED,
  MATCHING,
  MATCHES_PUBLISHED,
  RUNNING,
  COMPLETED,
  ARCHIVED
}
