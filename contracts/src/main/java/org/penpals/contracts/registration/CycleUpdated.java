package org.penpals.contracts.registration;

import java.util.Objects;

/** Staff changed a cycle's settings. Type {@code org.penpals.registration.cycle.updated.v1}. */
public record CycleUpdated(String cycleId, CycleDetails cycle) {
  public CycleUpdated {
    Contract.text(cycleId, "cycleId");
    Objects.requireNonNull(cycle, "cycle");
  }
}
