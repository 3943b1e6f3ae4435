package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * Staff archived a completed cycle: it is read-only from now on (no announcements, no admissions).
 * Type {@code org.penpals.registration.cycle.archived.v1}; key: the cycle id.
 */
public record CycleArchived(String cycleId, CycleDetails cycle, Instant archivedAt) {
  public CycleArchived {
    Contract.text(cycleId, "cycleId");
    Objects.requireNonNull(cycle, "cycle");
    Objects.requireNonNull(archivedAt, "archivedAt");
  }
}
