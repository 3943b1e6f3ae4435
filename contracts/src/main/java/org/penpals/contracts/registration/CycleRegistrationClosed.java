package org.penpals.contracts.registration;

import java.util.Objects;

/**
 * A cycle stopped taking applications; matching may begin. Type {@code
 * org.penpals.registration.cycle.closed.v1}.
 *
 * @param admitted applications holding a place when registration closed
 * @param waitlisted applications waiting for a place
 */
public record CycleRegistrationClosed(
    String cycleId, CycleDetails cycle, int admitted, int waitlisted) {
  public CycleRegistrationClosed {
    Contract.text(cycleId, "cycleId");
    Objects.requireNonNull(cycle, "cycle");
  }
}
