package org.penpals.registration.participant.application;

import org.penpals.platform.domain.StateConflict;
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.participant.domain.Admission;

/**
 * Takes and gives back places in a cycle. Over capacity or over the country cap, an applicant is
 * waitlisted, not refused.
 */
public final class Admissions {
  private final CycleRepository cycles;

  public Admissions(CycleRepository cycles) {
    this.cycles = cycles;
  }

  /** The admission an applicant from {@code country} gets now; takes the place if admitted. */
  public Decision admit(Cycle cycle, String country) {
    return admit(cycle, country, false);
  }

  /**
   * @param requireOpen the cycle must be taking applications (checked atomically with the place)
   * @throws StateConflict if it is not
   */
  public Decision admit(Cycle cycle, String country, boolean requireOpen) {
    return decision(
        cycles.reserve(
            cycle.id(),
            country,
            cycle.settings().capacity(),
            cycle.settings().countryCap(),
            requireOpen));
  }

  private static Decision decision(CycleRepository.Reservation reservation) {
    return switch (reservation) {
      case ADMITTED -> new Decision(Admission.ADMITTED, null);
      case OVER_CAPACITY -> new Decision(Admission.WAITLISTED, Admission.Reason.CAPACITY);
      case OVER_COUNTRY_CAP -> new Decision(Admission.WAITLISTED, Admission.Reason.COUNTRY_CAP);
      case NOT_OPEN ->
          throw new StateConflict("this cycle is not taking applications now", "cycleId");
    };
  }

  /**
   * Moves the place an admitted applicant holds in {@code from} to {@code to} (a country change),
   * atomically; if {@code to} is at its cap (or staff admitted beyond the capacity), the place
   * stays where it is and the applicant is to wait: the caller gives it back once the application
   * says so.
   */
  public Decision move(Cycle cycle, String from, String to) {
    return decision(
        cycles.transfer(
            cycle.id(),
            from,
            to,
            cycle.settings().capacity(),
            cycle.settings().countryCap(),
            false));
  }

  /**
   * Undoes a {@link #move}: the place is counted in {@code from} again (a crash between counts it
   * twice, never not at all).
   */
  public void moveBack(String cycleId, String from, String to) {
    cycles.occupy(cycleId, from);
    cycles.release(cycleId, to);
  }

  public void release(String cycleId, String country) {
    cycles.release(cycleId, country);
  }

  public record Decision(
      Admission admission, Admission.@org.jspecify.annotations.Nullable Reason reason) {}
}
