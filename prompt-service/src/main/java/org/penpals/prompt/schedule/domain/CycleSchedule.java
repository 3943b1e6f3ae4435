package org.penpals.prompt.schedule.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A cycle's own copy of the programme: its calendar (frozen when the copy is made, at the first
 * partnership) and settings staff may change.
 *
 * @param prompts how many prompts the schedule has
 * @param reportGrace how long a partner reported silent has to answer before the partnership is
 *     flagged quiet
 */
public record CycleSchedule(
    String cycleId,
    String name,
    ProgrammeCalendar calendar,
    int prompts,
    Duration reportGrace,
    Instant createdAt) {

  public static final Duration MIN_GRACE = Duration.ofDays(1);
  public static final Duration MAX_GRACE = Duration.ofDays(60);

  public CycleSchedule {
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(reportGrace, "reportGrace");
  }
}
