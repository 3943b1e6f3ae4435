package org.penpals.registration.cycle.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.StateConflict;

/**
 * A programme cycle: its settings and where it stands in its lifecycle. Transitions return the
 * cycle as it is afterwards, with the changes it owes, in order.
 *
 * <p>Lifecycle: staff draft, open and close registration; matching's first finished run moves a
 * closed cycle to {@code MATCHING}, its publication to {@code MATCHES_PUBLISHED}; the programme
 * clock (prompt-service) moves it to {@code RUNNING} and {@code COMPLETED}; staff archive it. The
 * programme facts may arrive before the cycle can move on them: they are kept and applied as soon
 * as the status allows.
 */
public record Cycle(
    String id,
    CycleSettings settings,
    CycleStatus status,
    long version,
    Instant createdAt,
    Instant updatedAt,
    CycleTimeline timeline) {

  public Cycle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(timeline, "timeline");
  }

  /** A cycle with nothing yet on its timeline. */
  public Cycle(
      String id,
      CycleSettings settings,
      CycleStatus status,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    this(id, settings, status, version, createdAt, updatedAt, CycleTimeline.NONE);
  }

  /** What changed, for the outbox; each lifecycle move is one change. */
  public sealed interface Change {
    record Drafted() implements Change {}

    /** Staff changed the settings. */
    record Updated() implements Change {}

    record Opened() implements Change {}

    /** Registration closed with this many applications holding and awaiting a place. */
    record Closed(long admitted, long waitlisted) implements Change {}

    /** Matching finished a run of the closed cycle: it is being matched. */
    record MatchingStarted() implements Change {}

    /** Matching published the cycle's partnerships. */
    record MatchesPublished() implements Change {}

    /** The partnerships began (programme time). */
    record Running(Instant startedAt) implements Change {}

    /** The last scheduled week is over (programme time). */
    record Completed(Instant completedAt) implements Change {}

    record Archived(Instant archivedAt) implements Change {}
  }

  /** A cycle after a change, and the changes (possibly none: only a fact was noted). */
  public record Changed(Cycle cycle, List<Change> changes) {}

  public static Changed draft(String id, CycleSettings settings, Instant now) {
    return new Changed(
        new Cycle(id, settings, CycleStatus.DRAFT, 1, now, now), List.of(new Change.Drafted()));
  }

  /** Staff edit the settings; allowed until matching starts. */
  public Changed edit(CycleSettings newSettings, int admitted, Instant now) {
    if (!status.beforeMatching()) {
      throw new StateConflict(
          "a cycle cannot be edited once matching has started (it is " + status + ")");
    }
    if (newSettings.capacity() < admitted) {
      throw new StateConflict(
          "capacity cannot drop below the " + admitted + " places already taken", "capacity");
    }
    return new Changed(
        new Cycle(id, newSettings, status, version + 1, createdAt, now, timeline),
        List.of(new Change.Updated()));
  }

  /** Opens registration: from draft, or again after closing, before matching. */
  public Changed open(Instant now) {
    if (status != CycleStatus.DRAFT && status != CycleStatus.REGISTRATION_CLOSED) {
      throw new StateConflict("only a draft or closed cycle can be opened (it is " + status + ")");
    }
    if (!now.isBefore(settings.registrationClosesAt())) {
      throw new StateConflict(
          "the registration window has already ended; move registrationClosesAt first",
          "registrationClosesAt");
    }
    return new Changed(
        withStatus(CycleStatus.REGISTRATION_OPEN, now), List.of(new Change.Opened()));
  }

  public Changed close(long admitted, long waitlisted, Instant now) {
    if (status != CycleStatus.REGISTRATION_OPEN) {
      throw new StateConflict("only an open cycle can be closed (it is " + status + ")");
    }
    return new Changed(
        withStatus(CycleStatus.REGISTRATION_CLOSED, now),
        List.of(new Change.Closed(admitted, waitlisted)));
  }

  /**
   * Matching finished a run of this cycle: a closed cycle is now being matched, and the run's
   * figures are kept (a later run replaces an earlier one) until the cycle's matching is published:
   * the published run reports itself before {@code MatchesPublished} (same topic and key), and the
   * re-matchings after it (a few people at a time) are not the cycle's matching. Empty if that is
   * already known (the event was redelivered, or an older run arrived late) or the cycle is
   * published.
   */
  public Optional<Changed> matchingRunCompleted(MatchingRun run, Instant now) {
    if (status.reached(CycleStatus.MATCHES_PUBLISHED)) {
      return Optional.empty();
    }
    MatchingRun last = timeline.lastRun();
    boolean newer = last == null || run.supersedes(last);
    boolean starts = status == CycleStatus.REGISTRATION_CLOSED;
    if (!newer && !starts) {
      return Optional.empty();
    }
    return Optional.of(
        new Changed(
            new Cycle(
                id,
                settings,
                starts ? CycleStatus.MATCHING : status,
                version + 1,
                createdAt,
                now,
                newer ? timeline.withLastRun(run) : timeline),
            starts ? List.of(new Change.MatchingStarted()) : List.of()));
  }

  /**
   * Matching published the cycle's partnerships: applications are frozen, and any programme fact
   * that arrived earlier is applied at once. Empty if that is already known (the event was
   * redelivered).
   */
  public Optional<Changed> matchesPublished(Instant now) {
    if (status.reached(CycleStatus.MATCHES_PUBLISHED)) {
      return Optional.empty();
    }
    return Optional.of(
        withStatus(CycleStatus.MATCHES_PUBLISHED, now)
            .catchUp(List.of(new Change.MatchesPublished()), now));
  }

  /**
   * The programme clock reached the partnership start: a published cycle runs; an earlier one
   * remembers the fact until it is published. Empty if the fact is already known.
   */
  public Optional<Changed> programmeStarted(Instant startedAt, Instant now) {
    if (timeline.programmeStartedAt() != null) {
      return Optional.empty();
    }
    return Optional.of(
        noted(timeline.withProgrammeStarted(startedAt), now).catchUp(List.of(), now));
  }

  /**
   * The programme clock passed the last scheduled week: a running cycle completes (a published one
   * runs and completes at once); an earlier one remembers the fact. Empty if the fact is already
   * known.
   */
  public Optional<Changed> programmeEnded(Instant endedAt, Instant now) {
    if (timeline.programmeEndedAt() != null) {
      return Optional.empty();
    }
    return Optional.of(noted(timeline.withProgrammeEnded(endedAt), now).catchUp(List.of(), now));
  }

  /** Staff archive a completed cycle: read-only from now on. */
  public Changed archive(Instant now) {
    if (status != CycleStatus.COMPLETED) {
      throw new StateConflict("only a completed cycle can be archived (it is " + status + ")");
    }
    return new Changed(
        new Cycle(
            id,
            settings,
            CycleStatus.ARCHIVED,
            version + 1,
            createdAt,
            now,
            timeline.withArchivedAt(now)),
        List.of(new Change.Archived(now)));
  }

  /** Whether a public application is accepted now. */
  public boolean acceptsApplications(Instant now) {
    return status == CycleStatus.REGISTRATION_OPEN && settings.windowContains(now);
  }

  /**
   * Applies the programme facts the status now allows, each move after the ones before it. This
   * cycle already carries its new version.
   */
  private Changed catchUp(List<Change> before, Instant now) {
    List<Change> changes = new ArrayList<>(before);
    Cycle cycle = this;
    @Nullable Instant started =
        timeline.programmeStartedAt() != null
            ? timeline.programmeStartedAt()
            : timeline.programmeEndedAt(); // an ended programme has started
    if (cycle.status == CycleStatus.MATCHES_PUBLISHED && started != null) {
      cycle = cycle.moved(CycleStatus.RUNNING, cycle.timeline.withRunningSince(started));
      changes.add(new Change.Running(started));
    }
    Instant ended = timeline.programmeEndedAt();
    if (cycle.status == CycleStatus.RUNNING && ended != null) {
      cycle = cycle.moved(CycleStatus.COMPLETED, cycle.timeline.withCompletedAt(ended));
      changes.add(new Change.Completed(ended));
    }
    return new Changed(cycle, List.copyOf(changes));
  }

  private Cycle noted(CycleTimeline next, Instant now) {
    return new Cycle(id, settings, status, version + 1, createdAt, now, next);
  }

  /** The same version: one more move within a change already counted. */
  private Cycle moved(CycleStatus next, CycleTimeline nextTimeline) {
    return new Cycle(id, settings, next, version, createdAt, updatedAt, nextTimeline);
  }

  private Cycle withStatus(CycleStatus next, Instant now) {
    return new Cycle(id, settings, next, version + 1, createdAt, now, timeline);
  }
}
