package org.penpals.contracts.registration;

import java.util.Objects;

/** A cycle started taking applications. Type {@code org.penpals.registration.cycle.opened.v1}. */
public record CycleRegistrationOpened(String cycleId, CycleDetails cycle) {
  public CycleRegistrationOpened {
    Contract.text(cycleId, "cycleId");
    Objects.requireNonNull(cycle, "cycle");
  }
}
