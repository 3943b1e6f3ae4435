package org.penpals.registration.cycle.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.penpals.platform.domain.StateConflict;

/**
 * A programme cycle: its settings and where it stands in its lifecycle. Transitions return the
 * cycle as it is afterwards, with the event it owes.
 */
public record Cycle(
    String id,
    CycleSettings settings,
    CycleStatus status,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Cycle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(status, "status");
  }

  /** What changed, for the outbox. */
  public sealed interface Change {
    record Drafted() implements Change {}

    record Updated() implements Change {}

    record Opened() implements Change {}

    /** Registration closed with this many applications holding and awaiting a place. */
    record Closed(long admitted, long waitlisted) implements Change {}
  }

  /** A cycle after a change, and the change. */
  public record Changed(Cycle cycle, List<Change> changes) {}

  public static Changed draft(String id, CycleSettings settings, Instant now) {
    return new Changed(
        new Cycle(id, settings, CycleStatus.DRAFT, 1, now, now), List.of(new Change.Drafted()));
  }

  /** Staff edit the settings; allowed until matching starts. */
  public Changed edit(CycleSettings newSettings, int admitted, Instant now) {
    if (!status.beforeMatching()) {
      throw new StateConflict(
          "a cycle cannot be edited once matching has started (it is " + status + ")");
    }
    if (newSettings.capacity() < admitted) {
      throw new StateConflict(
          "capacity cannot drop below the " + admitted + " places already taken", "capacity");
    }
    return new Changed(
        new Cycle(id, newSettings, status, version + 1, createdAt, now),
        List.of(new Change.Updated()));
  }

  /** Opens registration: from draft, or again after closing, before matching. */
  public Changed open(Instant now) {
    if (status != CycleStatus.DRAFT && status != CycleStatus.REGISTRATION_CLOSED) {
      throw new StateConflict("only a draft or closed cycle can be opened (it is " + status + ")");
    }
    if (!now.isBefore(settings.registrationClosesAt())) {
      throw new StateConflict(
          "the registration window has already ended; move registrationClosesAt first",
          "registrationClosesAt");
    }
    return new Changed(
        withStatus(CycleStatus.REGISTRATION_OPEN, now), List.of(new Change.Opened()));
  }

  public Changed close(long admitted, long waitlisted, Instant now) {
    if (status != CycleStatus.REGISTRATION_OPEN) {
      throw new StateConflict("only an open cycle can be closed (it is " + status + ")");
    }
    return new Changed(
        withStatus(CycleStatus.REGISTRATION_CLOSED, now),
        List.of(new Change.Closed(admitted, waitlisted)));
  }

  /**
   * Matching published the cycle's partnerships: applications are frozen. Returns empty if that is
   * already known (the event was redelivered).
   */
  public java.util.Optional<Changed> matchesPublished(Instant now) {
    if (status == CycleStatus.MATCHES_PUBLISHED
        || status == CycleStatus.RUNNING
        || status == CycleStatus.COMPLETED
        || status == CycleStatus.ARCHIVED) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Changed(withStatus(CycleStatus.MATCHES_PUBLISHED, now), List.of(new Change.Updated())));
  }

  /** Whether a public application is accepted now. */
  public boolean acceptsApplications(Instant now) {
    return status == CycleStatus.REGISTRATION_OPEN && settings.windowContains(now);
  }

  private Cycle withStatus(CycleStatus next, Instant now) {
    return new Cycle(id, settings, next, version + 1, createdAt, now);
  }
}
