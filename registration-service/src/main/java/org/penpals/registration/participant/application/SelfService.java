package org.penpals.registration.participant.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Profile;

/**
 * What participants do with their own application. The id always comes from their token, never from
 * the request.
 */
public class SelfService {
  private final CycleRepository cycles;
  private final ParticipantRepository participants;
  private final Admissions admissions;
  private final Waitlist waitlist;
  private final Clock clock;

  public SelfService(
      CycleRepository cycles,
      ParticipantRepository participants,
      Admissions admissions,
      Waitlist waitlist,
      Clock clock) {
    this.cycles = cycles;
    this.participants = participants;
    this.admissions = admissions;
    this.waitlist = waitlist;
    this.clock = clock;
  }

  public Participant me(String participantId) {
    return participants
        .find(participantId)
        .filter(p -> p.status() != ParticipantStatus.ERASED)
        .orElseThrow(() -> new NotFound("participant"));
  }

  /**
   * An application with its cycle and, while it waits, its place in the queue.
   *
   * @param waitlistPosition 1 = next in line; null unless waitlisted
   */
  public record Overview(
      Participant participant, Cycle cycle, @Nullable Integer waitlistPosition) {}

  public Overview overview(String participantId) {
    Participant participant = me(participantId);
    Cycle cycle = cycles.find(participant.cycleId()).orElseThrow(() -> new NotFound("participant"));
    return new Overview(participant, cycle, waitlist.position(participant));
  }

  /**
   * Replaces the profile, keeping the verified email. A new country takes a place under that
   * country's cap (or waits for one).
   */
  public Participant update(String participantId, Profile requested) {
    Participant current = me(participantId);
    Profile old = current.profile();
    if (old == null) {
      throw new NotFound("participant");
    }
    if (!old.email().equals(requested.email())) {
      throw new StateConflict("the email cannot be changed here", "email");
    }
    Cycle cycle = cycles.find(current.cycleId()).orElseThrow(() -> new NotFound("cycle"));
    boolean editable = cycle.status().beforeMatching();
    boolean countryChanged = !old.countryCode().equals(requested.countryCode());
    Admission admission = current.admission();
    Admission.Reason reason = current.admissionReason();
    Instant now = clock.instant();
    // check the state first: nothing is reserved for a change that cannot happen
    Participant.Changed changed = current.update(requested, admission, reason, editable, now);
    boolean heldPlace = current.holdsPlace();
    if (countryChanged) {
      // a place held moves with its holder, atomically: it is never counted nowhere
      Admissions.Decision decision =
          heldPlace
              ? admissions.move(cycle, old.countryCode(), requested.countryCode())
              : admissions.admit(cycle, requested.countryCode());
      changed = current.update(requested, decision.admission(), decision.reason(), editable, now);
    }
    if (!participants.update(changed, current.revision())) {
      if (countryChanged && changed.participant().holdsPlace()) {
        if (heldPlace) {
          admissions.moveBack(cycle.id(), old.countryCode(), requested.countryCode());
        } else {
          admissions.release(cycle.id(), requested.countryCode());
        }
      }
      throw new StateConflict("your application was changed elsewhere; reload and try again");
    }
    if (countryChanged && heldPlace) {
      if (changed.participant().holdsPlace()) {
        waitlist.placesMayHaveFreed(cycle.id()); // the old country has room under its cap again
      } else {
        waitlist.placeGivenUp(cycle.id(), old.countryCode()); // they wait now: the place goes on
      }
    }
    return changed.participant();
  }

  public Participant withdraw(String participantId, @Nullable String reason) {
    Participant before = me(participantId);
    if (before.status() == ParticipantStatus.WITHDRAWN) {
      return before; // withdrawing twice changes nothing
    }
    Participant after = change(participantId, p -> p.withdraw(reason, clock.instant()));
    releaseIfHeld(before);
    return after;
  }

  /** Removes the personal data and tells every service to do the same. */
  public void erase(String participantId) {
    Participant before = me(participantId);
    change(participantId, p -> p.erase(clock.instant()));
    releaseIfHeld(before);
  }

  /** A place held is handed to the next in line while registration is open, else given back. */
  private void releaseIfHeld(Participant before) {
    if (before.holdsPlace() && before.profile() != null) {
      waitlist.placeGivenUp(before.cycleId(), before.profile().countryCode());
    }
  }

  private Participant change(String id, Function<Participant, Participant.Changed> change) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Participant current = me(id);
      Participant.Changed changed = change.apply(current);
      if (participants.update(changed, current.revision())) {
        return changed.participant();
      }
    }
    throw new StateConflict("your application is being changed elsewhere; try again");
  }
}
