package org.penpals.portal.web;

import org.jspecify.annotations.Nullable;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.Registration.Admission;
import org.penpals.portal.services.Registration.AdmissionRoute;
import org.penpals.portal.services.Registration.CycleStatus;
import org.penpals.portal.services.Registration.WaitReason;

/**
 * Where an application without a partnership stands, for the home page: each statement is a fact
 * registration answered (status, admission, its date and route, the waitlist position, the cycle's
 * stage) or, once the cycle's partnerships are published, why there is no partner as the notices
 * and matching tell it ({@link LifeEvents.Unpaired}).
 *
 * @param unpaired why a verified, admitted participant of a matched cycle has no partner; null
 *     otherwise
 */
public record Standing(Registration.Me application, LifeEvents.@Nullable Unpaired unpaired) {

  /** Verified, holding a place, in a cycle whose partnerships are published and still running. */
  static boolean awaitsAPartner(Registration.Me application) {
    return application.verified()
        && application.admitted()
        && application.cycle() != null
        && application.cycle().status().matched();
  }

  private @Nullable CycleStatus cycleStatus() {
    return application.cycle() == null ? null : application.cycle().status();
  }

  /** Withdrawn or erased: nothing more to say than the status. */
  public boolean withdrawn() {
    return application.withdrawn();
  }

  /** The cycle is completed or archived. */
  public boolean cycleEnded() {
    return !withdrawn() && application.cycleEnded();
  }

  public boolean waitlisted() {
    return !withdrawn() && !cycleEnded() && application.admission() == Admission.WAITLISTED;
  }

  /** Waitlisted and confirmed: the facts of the queue apply to them. */
  public boolean waitlistedAndVerified() {
    return waitlisted() && application.verified();
  }

  /** Waitlisted before confirming the email: no place is offered until they confirm. */
  public boolean waitlistedUnconfirmed() {
    return waitlisted() && application.pending();
  }

  /** The message key of why the application waits; null if not told. */
  public @Nullable String waitReasonKey() {
    WaitReason reason = application.admissionReason();
    return !waitlistedAndVerified() || reason == null || reason == WaitReason.UNKNOWN
        ? null
        : "standing.waitReason." + reason.name();
  }

  /** The position in line, while waitlisted and confirmed; null if registration did not tell. */
  public @Nullable Integer position() {
    return waitlistedAndVerified() ? application.waitlistPosition() : null;
  }

  /** Registration is open: a freed place admits the next in line automatically. */
  public boolean registrationOpen() {
    return cycleStatus() == CycleStatus.REGISTRATION_OPEN;
  }

  /** Admitted and confirmed, in a cycle that has not ended. */
  public boolean admitted() {
    return !withdrawn()
        && !cycleEnded()
        && application.verified()
        && application.admission() == Admission.ADMITTED;
  }

  /**
   * The message key of the admission statement: its date, and, when the place came from the
   * waitlist, how.
   */
  public String admittedKey() {
    if (application.admittedAt() == null) {
      return "admission.ADMITTED";
    }
    AdmissionRoute route = application.admissionRoute();
    return route == null || route == AdmissionRoute.UNKNOWN
        ? "standing.admitted"
        : "standing.admitted." + route.name();
  }

  /** Matching has not published this cycle's partnerships yet (so no partner is expected yet). */
  public boolean beforeMatching() {
    return admitted() && unpaired == null;
  }
}
