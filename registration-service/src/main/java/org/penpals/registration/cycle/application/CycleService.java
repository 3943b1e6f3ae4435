package org.penpals.registration.cycle.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.Randomness;
import org.penpals.platform.domain.StateConflict;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.cycle.domain.CycleSettings;
import org.penpals.registration.cycle.domain.MatchingRun;

/** Staff use cases on cycles. */
public class CycleService {
  private final CycleRepository cycles;
  private final ApplicantCounts applicants;
  private final Waitlists waitlists;
  private final Clock clock;

  public CycleService(
      CycleRepository cycles, ApplicantCounts applicants, Waitlists waitlists, Clock clock) {
    this.cycles = cycles;
    this.applicants = applicants;
    this.waitlists = waitlists;
    this.clock = clock;
  }

  public Cycle create(CycleSettings settings) {
    Cycle.Changed created = Cycle.draft(Randomness.uuidString(), settings, clock.instant());
    cycles.insert(created);
    return created.cycle();
  }

  /** Staff change the settings; a higher capacity or country cap admits the next in line. */
  public Cycle edit(String id, CycleSettings settings) {
    Cycle edited =
        change(id, cycle -> cycle.edit(settings, cycles.occupancy(id).admitted(), clock.instant()));
    waitlists.placesMayHaveFreed(id);
    return edited;
  }

  /** Opens registration; places freed while it was closed go to the next in line. */
  public Cycle open(String id) {
    Cycle opened = change(id, cycle -> cycle.open(clock.instant()));
    waitlists.placesMayHaveFreed(id);
    return opened;
  }

  public Cycle close(String id) {
    return change(
        id,
        cycle -> {
          ApplicantCounts.Counts counts = applicants.count(id);
          return cycle.close(counts.admitted(), counts.waitlisted(), clock.instant());
        });
  }

  /** Matching published this cycle (an event from matching-service; idempotent). */
  public void matchesPublished(String id) {
    follow(id, cycle -> cycle.matchesPublished(clock.instant()));
  }

  /**
   * Matching finished a run of this cycle: a closed cycle is being matched; the run's figures are
   * kept for staff (an event from matching-service; idempotent).
   */
  public void matchingRunCompleted(String id, MatchingRun run) {
    follow(id, cycle -> cycle.matchingRunCompleted(run, clock.instant()));
  }

  /** The programme clock reached the partnership start (prompt-service; idempotent). */
  public void programmeStarted(String id, Instant startedAt) {
    follow(id, cycle -> cycle.programmeStarted(startedAt, clock.instant()));
  }

  /** The programme clock passed the last scheduled week (prompt-service; idempotent). */
  public void programmeEnded(String id, Instant endedAt) {
    follow(id, cycle -> cycle.programmeEnded(endedAt, clock.instant()));
  }

  /** Staff archive a completed cycle. */
  public Cycle archive(String id) {
    return change(id, cycle -> cycle.archive(clock.instant()));
  }

  /**
   * Applies what another service reported, unless the cycle already knows it; a cycle that is not
   * ours is ignored. Retries a write that lost a race; still losing, fails (the event is retried).
   */
  private void follow(String id, Function<Cycle, Optional<Cycle.Changed>> change) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Cycle cycle = cycles.find(id).orElse(null);
      if (cycle == null) {
        return; // not ours
      }
      Optional<Cycle.Changed> changed = change.apply(cycle);
      if (changed.isEmpty() || cycles.update(changed.get())) {
        return;
      }
    }
    throw new StateConflict("the cycle is being changed by someone else; try again");
  }

  public Cycle get(String id) {
    return cycles.find(id).orElseThrow(() -> new NotFound("cycle " + id, "cycleId"));
  }

  public List<Cycle> all() {
    return cycles.findAll();
  }

  /** Cycles open for applications right now (public). */
  public List<Cycle> openNow() {
    var now = clock.instant();
    return cycles.findAll().stream().filter(c -> c.acceptsApplications(now)).toList();
  }

  private Cycle change(String id, Function<Cycle, Cycle.Changed> change) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Cycle.Changed changed = change.apply(get(id));
      if (cycles.update(changed)) {
        return changed.cycle();
      }
    }
    throw new StateConflict("the cycle is being changed by someone else; try again");
  }
}
