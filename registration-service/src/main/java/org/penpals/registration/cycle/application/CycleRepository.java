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

  /** Gives a place back (withdrawal, erasure, country change, failed insert). */
  void release(String cycleId, String country);

  /** Places taken in total and per country. */
  record Occupancy(int admitted, java.util.Map<String, Integer> admittedByCountry) {}

  enum Reservation {
    ADMITTED,
    OVER_CAPACITY,
    OVER_COUNTRY_CAP,
    NOT_OPEN
  }
}
