package org.penpals.prompt.schedule.application;

import org.penpals.prompt.schedule.domain.ProgrammeCalendar;

/** Files the durable timers at which a cycle's programme starts and ends. */
public interface ProgrammeTimers {
  /** Files both timers (idempotent: a timer that fires twice decides nothing the second time). */
  void file(String cycleId, ProgrammeCalendar calendar);
}
