package org.penpals.prompt.schedule.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.penpals.prompt.schedule.domain.CycleSchedule;
import org.penpals.prompt.schedule.domain.ScheduledWeek;

/** Where cycle schedules live: a header per cycle and one record per prompt, found by id. */
public interface ScheduleStore {
  Optional<CycleSchedule> header(String cycleId);

  /**
   * Stores a new schedule (weeks first, the header last, so a header always has its weeks). If
   * another instance made it first, theirs is kept and returned.
   */
  CycleSchedule create(CycleSchedule header, List<ScheduledWeek> weeks);

  List<ScheduledWeek> weeks(String cycleId, int prompts);

  Optional<ScheduledWeek> week(String cycleId, int number);

  /**
   * Stores an edited week if it was neither sent nor edited since {@code previous} was read.
   *
   * @return false if it changed meanwhile
   */
  boolean replace(ScheduledWeek previous, ScheduledWeek edited);

  /** Freezes a week at its first sending (once; later calls change nothing) and returns it. */
  ScheduledWeek markSent(String cycleId, int number, Instant at);

  boolean setReportGrace(String cycleId, Duration grace);

  /**
   * Records that the cycle's programme started, with its events; false if it was recorded before.
   */
  boolean markProgrammeStarted(String cycleId, Instant at, List<?> events);

  /** Records that the cycle's programme ended, with its events; false if it was recorded before. */
  boolean markProgrammeEnded(String cycleId, Instant at, List<?> events);

  /** Schedules stored before their programme timers were filed with them (older versions). */
  List<CycleSchedule> withoutProgrammeTimers();

  void programmeTimersFiled(String cycleId);
}
