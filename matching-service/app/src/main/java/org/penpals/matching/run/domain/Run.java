package org.penpals.matching.run.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.engine.QualityReport;
import org.penpals.matching.engine.Waitlisted;

/**
 * One matching run of a cycle: a staff preview of the initial matching, or a re-matching of late
 * applicants and people whose partner left. Its groups are stored separately (there may be tens of
 * thousands).
 *
 * @param kind {@code INITIAL} or {@code REMATCH}
 * @param status {@code RUNNING}, {@code COMPLETED}, {@code FAILED}
 * @param adjusted staff changed the result by hand (swaps) since the engine produced it
 */
public record Run(
    String id,
    String cycleId,
    String kind,
    String status,
    String phase,
    double fraction,
    String message,
    Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable QualityReport quality,
    List<Waitlisted> waitlist,
    @Nullable String error,
    boolean published,
    boolean adjusted) {

  public Run {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cycleId, "cycleId");
    waitlist = List.copyOf(waitlist);
  }

  public boolean completed() {
    return "COMPLETED".equals(status);
  }

  public boolean running() {
    return "RUNNING".equals(status);
  }

  public static Run started(String id, String cycleId, String kind, Instant now) {
    return new Run(
        id,
        cycleId,
        kind,
        "RUNNING",
        "QUEUED",
        0,
        "waiting to start",
        now,
        null,
        null,
        List.of(),
        null,
        false,
        false);
  }
}
