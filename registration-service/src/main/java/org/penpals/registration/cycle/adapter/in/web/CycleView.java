package org.penpals.registration.cycle.adapter.in.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.cycle.domain.CycleStatus;
import org.penpals.registration.cycle.domain.PromptCadence;

/** A cycle as staff see it. */
public record CycleView(
    String id,
    String name,
    CycleStatus status,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    LocalDate partnershipStartsOn,
    int lengthWeeks,
    PromptCadence promptCadence,
    DayOfWeek promptWeekday,
    int promptLocalHour,
    int capacity,
    int countryCapPercent,
    int countryCap,
    int placesTaken,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static CycleView of(Cycle c, CycleRepository.Occupancy occupancy) {
    var s = c.settings();
    return new CycleView(
        c.id(),
        s.name(),
        c.status(),
        s.registrationOpensAt(),
        s.registrationClosesAt(),
        s.partnershipStartsOn(),
        s.lengthWeeks(),
        s.promptCadence(),
        s.promptWeekday(),
        s.promptLocalHour(),
        s.capacity(),
        s.countryCapPercent(),
        s.countryCap(),
        occupancy.admitted(),
        c.version(),
        c.createdAt(),
        c.updatedAt());
  }

  /** What anyone may know about an open cycle. */
  public record Public(
      String id,
      String name,
      Instant registrationOpensAt,
      Instant registrationClosesAt,
      LocalDate partnershipStartsOn,
      int lengthWeeks) {
    static Public of(Cycle c) {
      var s = c.settings();
      return new Public(
          c.id(),
          s.name(),
          s.registrationOpensAt(),
          s.registrationClosesAt(),
          s.partnershipStartsOn(),
          s.lengthWeeks());
    }
  }
}
