package org.penpals.registration.participant.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.penpals.platform.domain.Violation;
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.cycle.application.CycleRepository.Reservation;
import org.penpals.registration.cycle.application.Waitlists;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.cycle.domain.CycleStatus;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cycle's waitlist, and the ways off it.
 *
 * <p><b>The fair order.</b> Earliest application first among the waitlisted applicants whose email
 * is confirmed; a country at its cap is passed over until it has room again (its applicants keep
 * their place in the queue); nobody skips the queue. Applicants who have not confirmed their email
 * wait after everyone who has, in application order, and are not offered a place until they
 * confirm.
 *
 * <p><b>Automatic admission.</b> While registration is open, a freed place admits the next in line
 * ({@link Admission.Route#FREED_PLACE}): the place of an admitted applicant who withdraws or is
 * erased is handed straight to them (never free for a new application in between); a raised
 * capacity or country cap, a reopened cycle, a country change or an applicant confirming their
 * email while a place is free fill free places in that order. Every place is taken with the cycle's
 * atomic counters, so two instances can never admit beyond the capacity or a cap, nor admit anyone
 * twice (the participant write is conditional on its revision; a place taken for someone who
 * changed meanwhile is given back). Each trigger also leaves a durable request for a check on the
 * cycle, and {@link #sweep} (scheduled, one instance at a time) makes every check asked for and
 * rechecks each open cycle now and then, so an admission owed is not lost if a process dies.
 *
 * <p><b>Staff admission</b> ({@link Admission.Route#STAFF}) is a deliberate decision: it may exceed
 * the capacity and the country cap, and the counters still count it.
 *
 * <p><b>Counters and crashes.</b> Counters and applications are separate documents (no
 * transactions): a place is always taken before the application says so, and given back after the
 * application no longer holds it, so a crash in between leaves a place counted that nobody holds
 * (never one held that is not counted): the capacity is never exceeded by the automatic path.
 */
public class Waitlist implements Waitlists {
  private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
  public static final int MAX_ADMISSIONS = 500;

  private final CycleRepository cycles;
  private final ParticipantRepository participants;
  private final Clock clock;

  public Waitlist(CycleRepository cycles, ParticipantRepository participants, Clock clock) {
    this.cycles = cycles;
    this.participants = participants;
    this.clock = clock;
  }

  /** One place in the queue. */
  public record Entry(
      int position, Participant participant, boolean verified, boolean countryAtCap) {}

  /** The queue of a cycle, in the fair order. */
  public record Queue(Cycle cycle, List<Entry> entries) {}

  /** Some of the applicants staff asked to admit cannot be: nothing was admitted. */
  public static final class Refused extends RuntimeException {
    private final List<Violation> violations;

    public Refused(List<Violation> violations) {
      super(
          violations.size() == 1
              ? violations.get(0).message()
              : violations.size() + " of the applicants cannot be admitted; nobody was admitted");
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  // ------------------------------------------------------------------ reading

  public Queue queue(String cycleId) {
    Cycle cycle = cycle(cycleId);
    Map<String, Integer> taken = cycles.occupancy(cycleId).admittedByCountry();
    int cap = cycle.settings().countryCap();
    List<Entry> entries = new ArrayList<>();
    for (Participant p : inOrder(cycleId)) {
      entries.add(
          new Entry(
              entries.size() + 1,
              p,
              p.status() == ParticipantStatus.VERIFIED,
              taken.getOrDefault(country(p), 0) >= cap));
    }
    return new Queue(cycle, entries);
  }

  /** Where a waitlisted application stands in its queue (1 = next); null if it is not waiting. */
  public @Nullable Integer position(Participant participant) {
    if (!participant.waitlisted()) {
      return null;
    }
    List<Participant> queue = inOrder(participant.cycleId());
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).id().equals(participant.id())) {
        return i + 1;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ staff

  /**
   * Staff admit waitlisted applicants of the cycle. Every id is checked first; if any cannot be
   * admitted, nobody is and {@link Refused} names each ({@code participantIds[i]}).
   *
   * @param ids distinct ids (the caller checked the list's shape)
   * @return the applications as admitted, in the order asked; one that withdrew in the instant
   *     between the check and its admission is left out
   */
  public List<Participant> admitByStaff(String cycleId, List<String> ids) {
    Cycle cycle = cycle(cycleId);
    if (cycle.status().reached(CycleStatus.COMPLETED)) {
      throw new StateConflict(
          "this cycle is " + cycle.status() + ": nobody can be admitted any more", "cycleId");
    }
    List<Violation> refused = new ArrayList<>();
    List<Participant> waiting = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String field = "participantIds[" + i + "]";
      Optional<Participant> found =
          participants.find(ids.get(i)).filter(p -> p.cycleId().equals(cycleId));
      if (found.isEmpty()) {
        refused.add(new Violation(field, "is not an application to this cycle"));
        continue;
      }
      Participant p = found.get();
      if (!p.active()) {
        refused.add(
            new Violation(
                field, "was " + p.status().name().toLowerCase(java.util.Locale.ROOT) + ""));
      } else if (p.admission() != Admission.WAITLISTED) {
        refused.add(new Violation(field, "is not waitlisted (it is " + p.admission() + ")"));
      } else {
        waiting.add(p);
      }
    }
    if (!refused.isEmpty()) {
      throw new Refused(refused);
    }
    List<Participant> admitted = new ArrayList<>();
    for (Participant p : waiting) {
      String country = country(p);
      cycles.occupy(cycleId, country); // the place first: a crash leaves it counted, not held
      Optional<Participant> done = record(p, country, Admission.Route.STAFF);
      if (done.isPresent()) {
        admitted.add(done.get());
      } else {
        cycles.release(cycleId, country);
      }
    }
    return admitted;
  }

  // ------------------------------------------------------------------ freed places

  /**
   * An admitted applicant from {@code country} left the cycle (withdrawal, erasure): while
   * registration is open their place goes straight to the next in line; otherwise, or if nobody can
   * take it, it is given back.
   */
  public void placeGivenUp(String cycleId, String country) {
    Cycle cycle = cycles.find(cycleId).orElse(null);
    if (cycle != null && cycle.status() == CycleStatus.REGISTRATION_OPEN) {
      boolean moved;
      try {
        moved = handedOver(cycle, country);
      } catch (RuntimeException e) {
        moved = false; // nothing moved yet: give the place back, the sweep offers it
        log.warn("could not find the next in line of cycle {}: {}", cycleId, e.toString());
      }
      if (moved) {
        return;
      }
    }
    cycles.release(cycleId, country);
  }

  /**
   * Hands the place of someone from {@code from} who leaves to the next in line, if anyone can take
   * it.
   *
   * @return whether the place moved (to the next in line, or given back and offered in order);
   *     false if nobody could take it: it is still counted for the one leaving
   * @throws RuntimeException only before anything moved
   */
  private boolean handedOver(Cycle cycle, String from) {
    int capacity = cycle.settings().capacity();
    int cap = cycle.settings().countryCap();
    CycleRepository.Occupancy taken = cycles.occupancy(cycle.id());
    if (taken.admitted() > capacity) {
      return false; // staff admitted beyond the capacity: this place is not free
    }
    Set<String> full = new HashSet<>();
    taken
        .admittedByCountry()
        .forEach(
            (country, n) -> {
              if (n - (country.equals(from) ? 1 : 0) >= cap) {
                full.add(country);
              }
            });
    for (Participant candidate : verifiedInOrder(cycle.id())) {
      String to = country(candidate);
      if (full.contains(to)) {
        continue;
      }
      Reservation transferred;
      try {
        transferred = cycles.transfer(cycle.id(), from, to, capacity, cap, true);
        if (transferred == Reservation.ADMITTED) {
          if (record(candidate, to, Admission.Route.FREED_PLACE).isEmpty()) {
            // they changed meanwhile: the place is free now; offer it in order
            cycles.release(cycle.id(), to);
            fill(cycle.id());
          }
          return true;
        }
      } catch (RuntimeException e) {
        // the place may have moved: never give it back twice (at worst it stays counted)
        log.warn("could not hand over a place of cycle {}: {}", cycle.id(), e.toString());
        return true;
      }
      if (transferred == Reservation.OVER_COUNTRY_CAP) {
        full.add(to);
      } else {
        return false;
      }
    }
    return false;
  }

  /**
   * Fills the free places of an open cycle with the next in line, in the fair order, within the
   * capacity and the country caps.
   *
   * @return the applications admitted
   */
  public List<Participant> fill(String cycleId) {
    Cycle cycle = cycles.find(cycleId).orElse(null);
    if (cycle == null || cycle.status() != CycleStatus.REGISTRATION_OPEN) {
      return List.of();
    }
    int capacity = cycle.settings().capacity();
    int cap = cycle.settings().countryCap();
    CycleRepository.Occupancy taken = cycles.occupancy(cycleId);
    if (taken.admitted() >= capacity) {
      return List.of();
    }
    Set<String> full = new HashSet<>();
    taken
        .admittedByCountry()
        .forEach(
            (country, n) -> {
              if (n >= cap) {
                full.add(country);
              }
            });
    return admitInOrder(
        cycleId,
        full,
        country -> cycles.reserve(cycleId, country, capacity, cap, true),
        country -> cycles.release(cycleId, country));
  }

  /**
   * Places may have freed: fills them now. Never fails the caller: the check asked for on the cycle
   * stays due and the sweep makes it.
   */
  @Override
  public void placesMayHaveFreed(String cycleId) {
    try {
      fill(cycleId);
    } catch (RuntimeException e) {
      log.warn("could not fill free places of cycle {} now: {}", cycleId, e.toString());
    }
  }

  /** An applicant on the waitlist confirmed their email: a free place is theirs if next in line. */
  public void confirmedWhileWaiting(String cycleId) {
    try {
      cycles.requestWaitlistCheck(cycleId);
    } catch (RuntimeException e) {
      // the periodic recheck of open cycles finds them
      log.warn("could not ask for a waitlist check of cycle {}: {}", cycleId, e.toString());
      return;
    }
    placesMayHaveFreed(cycleId);
  }

  /**
   * Makes every waitlist check that is due: asked for (a place freed, a setting changed, someone
   * confirmed), or not made for {@code recheckAfter}. Run by one instance at a time.
   *
   * @return how many applicants were admitted
   */
  public int sweep(Duration recheckAfter) {
    Instant now = clock.instant();
    int admitted = 0;
    for (CycleRepository.WaitlistCheck due : cycles.waitlistChecksDue(now.minus(recheckAfter))) {
      try {
        admitted += fill(due.cycleId()).size();
        cycles.waitlistChecked(due, now);
      } catch (RuntimeException e) {
        // this cycle's check stays due; the others go on
        log.warn("could not check the waitlist of cycle {}: {}", due.cycleId(), e.toString());
      }
    }
    return admitted;
  }

  // ------------------------------------------------------------------ the queue

  private List<Participant> admitInOrder(
      String cycleId,
      Set<String> fullCountries,
      Function<String, Reservation> take,
      Consumer<String> giveBack) {
    List<Participant> admitted = new ArrayList<>();
    for (Participant candidate : verifiedInOrder(cycleId)) {
      String country = country(candidate);
      if (fullCountries.contains(country)) {
        continue; // passed over until their country has room
      }
      Reservation reservation = take.apply(country);
      if (reservation == Reservation.ADMITTED) {
        Optional<Participant> done = record(candidate, country, Admission.Route.FREED_PLACE);
        if (done.isPresent()) {
          admitted.add(done.get());
        } else {
          giveBack.accept(country);
        }
      } else if (reservation == Reservation.OVER_COUNTRY_CAP) {
        fullCountries.add(country);
      } else {
        break; // full, or registration closed meanwhile
      }
    }
    return admitted;
  }

  /**
   * Records the admission of a candidate for whom a place in {@code country} was taken, if they
   * still wait, from that country.
   */
  private Optional<Participant> record(
      Participant candidate, String country, Admission.Route route) {
    Participant current = candidate;
    for (int attempt = 0; attempt < 3; attempt++) {
      if (!current.waitlisted() || !country.equals(country(current))) {
        return Optional.empty();
      }
      Participant.Changed admitted =
          current.admit(route, clock.instant().truncatedTo(ChronoUnit.MILLIS));
      if (participants.update(admitted, current.revision())) {
        return Optional.of(admitted.participant());
      }
      Participant reread = participants.find(current.id()).orElse(null);
      if (reread == null) {
        return Optional.empty();
      }
      current = reread;
    }
    return Optional.empty();
  }

  /** The queue: confirmed applicants in application order, then the unconfirmed ones. */
  private List<Participant> inOrder(String cycleId) {
    List<Participant> waiting = participants.waitlisted(cycleId);
    List<Participant> ordered = new ArrayList<>(waiting.size());
    waiting.stream().filter(p -> p.status() == ParticipantStatus.VERIFIED).forEach(ordered::add);
    waiting.stream().filter(p -> p.status() != ParticipantStatus.VERIFIED).forEach(ordered::add);
    return ordered;
  }

  /** Those who may be offered a place: confirmed, in application order. */
  private List<Participant> verifiedInOrder(String cycleId) {
    return participants.waitlisted(cycleId).stream()
        .filter(p -> p.status() == ParticipantStatus.VERIFIED)
        .toList();
  }

  private Cycle cycle(String cycleId) {
    return cycles.find(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
  }

  private static String country(Participant p) {
    Profile profile = p.profile();
    if (profile == null) {
      throw new IllegalStateException("an application still in the cycle has a profile");
    }
    return profile.countryCode();
  }
}
