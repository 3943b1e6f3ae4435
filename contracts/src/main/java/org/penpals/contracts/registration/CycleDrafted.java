package org.penpals.contracts.registration;

import java.util.Objects;

/** Staff created a cycle in draft. Type {@code org.penpals.registration.cycle.drafted.v1}. */
public record CycleDrafted(String cycleId, CycleDetails cycle) {
  public CycleDrafted {
    Contract.text(cycleId, "cycleId");
    Objects.requireNonNull(cycle, "cycle");
  }
}
