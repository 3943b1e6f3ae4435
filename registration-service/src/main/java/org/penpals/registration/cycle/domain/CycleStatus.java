package org.penpals.registration.cycle.domain;

/**
 * Lifecycle of a cycle, in order. Staff move a cycle through the first three; matching's runs and
 * publication move it to {@code MATCHING} and {@code MATCHES_PUBLISHED}; the programme clock to
 * {@code RUNNING} and {@code COMPLETED}; staff archive it.
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

  /** Whether the cycle is at {@code other} or past it. */
  public boolean reached(CycleStatus other) {
    return ordinal() >= other.ordinal();
  }

  /** Applications may still be edited, imported or withdrawn without touching matches. */
  public boolean beforeMatching() {
    return this == DRAFT || this == REGISTRATION_OPEN || this == REGISTRATION_CLOSED;
  }
}
