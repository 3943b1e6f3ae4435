package org.penpals.registration.cycle.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.cycle.domain.CycleStatus;
import org.penpals.registration.cycle.domain.MatchingRun;
import org.penpals.registration.cycle.domain.PromptCadence;

/**
 * A cycle as staff see it.
 *
 * @param lastWeekEndsOn the last day of the last scheduled week ({@code partnershipStartsOn +
 *     7·lengthWeeks − 1})
 * @param placesTaken places held (admitted applicants still in the cycle, staff admissions beyond
 *     the capacity included)
 * @param waitlisted applicants still in the cycle waiting for a place
 * @param runningSince when the partnerships began (programme time), once running
 * @param completedAt when the last scheduled week was over (programme time), once completed
 * @param archivedAt when staff archived the cycle
 * @param lastRun the last matching run's figures, once matching has run
 */
public record CycleView(
    String id,
    String name,
    CycleStatus status,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    LocalDate partnershipStartsOn,
    @Schema(
            description =
                "last day of the last scheduled week: partnershipStartsOn + 7·lengthWeeks − 1")
        LocalDate lastWeekEndsOn,
    int lengthWeeks,
    PromptCadence promptCadence,
    DayOfWeek promptWeekday,
    int promptLocalHour,
    int capacity,
    int countryCapPercent,
    int countryCap,
    @Schema(description = "places held, staff admissions beyond the capacity included")
        int placesTaken,
    @Schema(description = "applicants still in the cycle waiting for a place") long waitlisted,
    @Schema(description = "when the partnerships began (programme time); null until RUNNING")
        @Nullable Instant runningSince,
    @Schema(
            description =
                "when the last scheduled week was over (programme time); null until COMPLETED")
        @Nullable Instant completedAt,
    @Schema(description = "when staff archived the cycle; null until ARCHIVED")
        @Nullable Instant archivedAt,
    @Schema(description = "the last matching run's figures; null until matching has run")
        @Nullable LastRun lastRun,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * The figures of the last matching run.
   *
   * @param people candidates in the run
   * @param matched people it put in a partnership
   * @param gap how far below the best possible total score it may be (0 = proven optimal)
   */
  public record LastRun(
      String runId,
      @Schema(description = "candidates in the run") int people,
      @Schema(description = "people the run put in a partnership") int matched,
      @Schema(description = "how far below the best possible total score, 0 = proven optimal")
          double gap,
      Instant completedAt) {}

  static CycleView of(Cycle c, CycleRepository.Occupancy occupancy, long waitlisted) {
    var s = c.settings();
    var t = c.timeline();
    MatchingRun run = t.lastRun();
    return new CycleView(
        c.id(),
        s.name(),
        c.status(),
        s.registrationOpensAt(),
        s.registrationClosesAt(),
        s.partnershipStartsOn(),
        s.lastWeekEndsOn(),
        s.lengthWeeks(),
        s.promptCadence(),
        s.promptWeekday(),
        s.promptLocalHour(),
        s.capacity(),
        s.countryCapPercent(),
        s.countryCap(),
        occupancy.admitted(),
        waitlisted,
        t.runningSince(),
        t.completedAt(),
        t.archivedAt(),
        run == null
            ? null
            : new LastRun(run.runId(), run.people(), run.matched(), run.gap(), run.completedAt()),
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
