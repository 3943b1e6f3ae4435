package org.penpals.registration.cycle.application;

import java.util.List;
import java.util.Optional;
import org.penpals.registration.cycle.domain.Cycle;

/** Where cycles live. Writes store the events a change owes atomically with it. */
public interface CycleRepository {
  /** Stores a new cycle with its events. */
  void insert(Cycle.Changed created);

  /**
   * Stores a changed cycle if nobody changed it since it was read (optimistic lock on version).
   *
   * @return false if the cycle changed meanwhile
   */
  boolean update(Cycle.Changed changed);

  Optional<Cycle> find(String id);

  List<Cycle> findAll();

  /** Places taken and waiting, for capacity checks and reports. */
  Occupancy occupancy(String cycleId);

  /**
   * Takes a place for an applicant from {@code country} if the cycle has one left and the country
   * is under its cap, atomically.
   *
   * @return the outcome
   */
  Reservation reserve(
      String cycleId, String country, int capacity, int countryCap, boolean requireOpen);

  /**
   * Gives a place back (withdrawal, erasure, country change, failed insert) and, in the same write,
   * asks for a waitlist check, so a place freed while registration is open is offered to the
   * waitlist even if this process dies right after.
   */
  void release(String cycleId, String country);

  /**
   * Takes a place whatever the capacity and the country cap: a staff admission is a deliberate
   * decision, and the counters still count it.
   */
  void occupy(String cycleId, String country);

  /**
   * Moves a place held in {@code fromCountry} to {@code toCountry}, atomically, without the place
   * ever being free for anyone else: the place of someone who leaves handed to the next in line, or
   * an admitted applicant who changes country. Only if the cycle is not over its capacity (staff
   * may have admitted beyond it) and {@code toCountry} is under its cap after the move.
   *
   * @param requireOpen the cycle must be taking applications (checked atomically with the move)
   */
  Reservation transfer(
      String cycleId,
      String fromCountry,
      String toCountry,
      int capacity,
      int countryCap,
      boolean requireOpen);

  /**
   * Asks for a waitlist check of the cycle; durable, so the check is not lost if this process dies
   * before making it. Every change to a cycle asks for one too (in the same write).
   */
  void requestWaitlistCheck(String cycleId);

  /**
   * Open cycles whose waitlist needs a check: one was asked for, or none made since {@code before}.
   */
  List<WaitlistCheck> waitlistChecksDue(java.time.Instant before);

  /** A check of the requests seen in {@code due} was made: forgets them unless more came since. */
  void waitlistChecked(WaitlistCheck due, java.time.Instant at);

  /**
   * @param requests how many checks were asked for when it was read
   */
  record WaitlistCheck(String cycleId, long requests) {}

  /** Places taken in total and per country. */
  record Occupancy(int admitted, java.util.Map<String, Integer> admittedByCountry) {}

  enum Reservation {
    ADMITTED,
    OVER_CAPACITY,
    OVER_COUNTRY_CAP,
    NOT_OPEN
  }
}
