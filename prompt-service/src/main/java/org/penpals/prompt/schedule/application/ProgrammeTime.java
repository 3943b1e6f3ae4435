package org.penpals.prompt.schedule.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.penpals.contracts.prompts.ProgrammeEnded;
import org.penpals.contracts.prompts.ProgrammeStarted;
import org.penpals.prompt.schedule.domain.CycleSchedule;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when a scheduled cycle's programme starts and ends in programme time ({@code
 * ProgrammeStarted}, {@code ProgrammeEnded}). The cycles are those with a schedule, i.e. with at
 * least one partnership planned. Their two timers are filed before the schedule is stored, so
 * whatever the clock does (runs, jumps past both moments, or had passed them before the schedule
 * was made) the scheduler handles them; each fact is decided once by a conditional write on the
 * schedule that carries its event, so two instances handling the same timer publish it once.
 */
public class ProgrammeTime {
  private static final Logger log = LoggerFactory.getLogger(ProgrammeTime.class);

  private final ScheduleStore schedules;
  private final ProgrammeTimers timers;
  private final Clock clock;

  public ProgrammeTime(ScheduleStore schedules, ProgrammeTimers timers, Clock clock) {
    this.schedules = schedules;
    this.timers = timers;
    this.clock = clock;
  }

  /** The programme-start timer of a cycle fired. */
  public void started(String cycleId) {
    Optional<CycleSchedule> header = schedules.header(cycleId);
    if (header.isEmpty()) {
      return;
    }
    ProgrammeCalendar calendar = header.get().calendar();
    Instant now = clock.instant();
    if (now.isBefore(calendar.startsAt())) {
      timers.file(cycleId, calendar); // never early: try again when the moment has come
      return;
    }
    // stamped with the moment it started, even when noticed later (a demo clock that jumped)
    Instant at = calendar.startsAt();
    if (schedules.markProgrammeStarted(
        cycleId, now, List.of(new ProgrammeStarted(cycleId, calendar.startsOn(), at)))) {
      log.info("cycle {}: the programme started ({}, noticed {})", cycleId, at, now);
    }
  }

  /** The programme-end timer of a cycle fired; a start not told yet is told first. */
  public void ended(String cycleId) {
    Optional<CycleSchedule> header = schedules.header(cycleId);
    if (header.isEmpty()) {
      return;
    }
    ProgrammeCalendar calendar = header.get().calendar();
    Instant now = clock.instant();
    if (now.isBefore(calendar.endsAt())) {
      timers.file(cycleId, calendar);
      return;
    }
    started(cycleId);
    Instant at = calendar.endsAt();
    if (schedules.markProgrammeEnded(
        cycleId,
        now,
        List.of(
            new ProgrammeEnded(cycleId, header.get().prompts(), calendar.lastWeekEndsOn(), at)))) {
      log.info("cycle {}: the programme ended ({}, noticed {})", cycleId, at, now);
    }
  }

  /**
   * Files the timers of schedules made before programme time was told (an upgrade); returns how
   * many. Each instance does it once, at its first scheduler round.
   */
  public int fileMissingTimers() {
    List<CycleSchedule> missing = schedules.withoutProgrammeTimers();
    for (CycleSchedule schedule : missing) {
      timers.file(schedule.cycleId(), schedule.calendar());
      schedules.programmeTimersFiled(schedule.cycleId());
    }
    if (!missing.isEmpty()) {
      log.info("filed the programme timers of {} earlier schedule(s)", missing.size());
    }
    return missing.size();
  }
}
