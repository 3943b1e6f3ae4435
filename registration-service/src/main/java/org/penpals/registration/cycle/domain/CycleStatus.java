package org.penpals.registration.cycle.domain;

/**
 * Lifecycle of a cycle. Registration-service moves a cycle through the first three; later ones
 * follow matching and the running programme.
 */
public enum CycleStatus {
  DRAFT,
  REGISTRATION_OPEN,
  REGISTRATION_CLOSED,
  MATCHING,
  MATCHES_PUBLISHED,
  RUNNING,
  COMPLETED,
  ARCHIVED;

  /** Applications may still be edited, imported or withdrawn without touching matches. */
  public boolean beforeMatching() {
    return this == DRAFT || this == REGISTRATION_OPEN || this == REGISTRATION_CLOSED;
  }
}
