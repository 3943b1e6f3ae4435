package org.penpals.prompt.schedule.domain;

import java.util.Objects;

/** A cycle as registration last described it: what the schedule is built from. */
public record KnownCycle(String cycleId, String name, ProgrammeCalendar calendar, String status) {
  public KnownCycle {
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(calendar, "calendar");
  }
}
