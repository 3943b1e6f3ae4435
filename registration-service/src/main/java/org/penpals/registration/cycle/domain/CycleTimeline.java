package org.penpals.registration.cycle.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a cycle after registration: the programme facts prompt-service reported (kept
 * even when they arrive before the cycle can move on them), when the cycle moved to running,
 * completed and archived, and the last matching run.
 *
 * @param programmeStartedAt programme time the partnerships began ({@code ProgrammeStarted})
 * @param programmeEndedAt programme time the last scheduled week was over ({@code ProgrammeEnded})
 * @param runningSince when the cycle became RUNNING (the programme's start)
 * @param completedAt when the cycle became COMPLETED (the programme's end)
 * @param archivedAt when staff archived it
 */
public record CycleTimeline(
    @Nullable Instant programmeStartedAt,
    @Nullable Instant programmeEndedAt,
    @Nullable Instant runningSince,
    @Nullable Instant completedAt,
    @Nullable Instant archivedAt,
    @Nullable MatchingRun lastRun) {

  public static final CycleTimeline NONE = new CycleTimeline(null, null, null, null, null, null);

  CycleTimeline withProgrammeStarted(Instant at) {
    return new CycleTimeline(at, programmeEndedAt, runningSince, completedAt, archivedAt, lastRun);
  }

  CycleTimeline withProgrammeEnded(Instant at) {
    return new CycleTimeline(
        programmeStartedAt, at, runningSince, completedAt, archivedAt, lastRun);
  }

  CycleTimeline withRunningSince(Instant at) {
    return new CycleTimeline(
        programmeStartedAt, programmeEndedAt, at, completedAt, archivedAt, lastRun);
  }

  CycleTimeline withCompletedAt(Instant at) {
    return new CycleTimeline(
        programmeStartedAt, programmeEndedAt, runningSince, at, archivedAt, lastRun);
  }

  CycleTimeline withArchivedAt(Instant at) {
    return new CycleTimeline(
        programmeStartedAt, programmeEndedAt, runningSince, completedAt, at, lastRun);
  }

  CycleTimeline withLastRun(MatchingRun run) {
    return new CycleTimeline(
        programmeStartedAt, programmeEndedAt, runningSince, completedAt, archivedAt, run);
  }
}
