package org.penpals.messaging.directory.domain;

import java.util.Objects;

/**
 * What this service knows of a cycle, from registration's cycle events: its name (for mail) and
 * where it stands.
 */
public record Cycle(String cycleId, String name, Status status) {
  public Cycle {
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }

  /** A cycle's lifecycle, in order (registration's {@code CycleStatus}). */
  public enum Status {
    DRAFT,
    REGISTRATION_OPEN,
    REGISTRATION_CLOSED,
    MATCHING,
    MATCHES_PUBLISHED,
    RUNNING,
    COMPLETED,
    ARCHIVED;

    /** Completed and archived are final: only a later stage may follow them. */
    public boolean mayBeFollowedBy(Status next) {
      return (this != COMPLETED && this != ARCHIVED) || next.ordinal() > ordinal();
    }
  }

  /** Archived: closed for good, nothing more is announced to it. */
  public boolean archived() {
    return status == Status.ARCHIVED;
  }
}
