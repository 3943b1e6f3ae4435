package org.penpals.matching.rematch.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.penpals.matching.partnership.PublicationService;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolCycle;
import org.penpals.matching.rematch.domain.RematchRequest;
import org.penpals.matching.run.application.RunService;
import org.penpals.matching.run.application.RunStore;
import org.penpals.matching.run.domain.Run;
import org.penpals.matching.settings.MatchingSettings;
import org.penpals.matching.settings.SettingsStore;
import org.penpals.platform.domain.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-matches the people who need a partner after publication, through the durable {@link
 * RematchQueue}: a request becomes a run of kind REMATCH (among the waiting people and the waitlist
 * only), which is published at once (the cycle's after-publication setting AUTOMATIC) or left to
 * staff as a proposal (PROPOSE); only then is the request removed. Each step is a compare-and-set
 * on the request, so any number of instances may call {@link #runDue} at once: one run per request,
 * one publication per run. A crash at any point leaves a request that the next round, on any
 * instance, takes on from where it stopped.
 */
public class Rematching {
  private static final Logger log = LoggerFactory.getLogger(Rematching.class);

  /** What a step did. */
  public enum Step {
    /** Nothing to do now: no request, not due yet, or its run is going elsewhere. */
    WAITING,
    /** A run was made (the request is STARTED with a finished or failed run). */
    RAN,
    /** The request's work is done: removed, dropped, or back to pending to run again. */
    DONE
  }

  private final RematchQueue queue;
  private final Pool pool;
  private final RunService runs;
  private final RunStore runStore;
  private final PublicationService publications;
  private final SettingsStore settings;
  private final Clock clock;
  private final Duration settle;
  private final Duration firstRetry;
  private final Duration maxRetry;

  /**
   * @param settle how long a new request waits, so a burst of changes becomes one run
   * @param firstRetry wait after a failed run (doubling after each, up to {@code maxRetry})
   */
  public Rematching(
      RematchQueue queue,
      Pool pool,
      RunService runs,
      RunStore runStore,
      PublicationService publications,
      SettingsStore settings,
      Clock clock,
      Duration settle,
      Duration firstRetry,
      Duration maxRetry) {
    this.queue = queue;
    this.pool = pool;
    this.runs = runs;
    this.runStore = runStore;
    this.publications = publications;
    this.settings = settings;
    this.clock = clock;
    this.settle = settle;
    this.firstRetry = firstRetry;
    this.maxRetry = maxRetry;
  }

  /** Asks for a re-matching of the cycle, after the settling time (nothing once it ended). */
  public void request(String cycleId) {
    ask(cycleId, settle);
  }

  /** Asks for a re-matching of the cycle at the next round (staff: "re-match now"). */
  public void requestNow(String cycleId) {
    ask(cycleId, Duration.ZERO);
  }

  private void ask(String cycleId, Duration after) {
    if (pool.cycle(cycleId).map(PoolCycle::ended).orElse(false)) {
      return;
    }
    Instant now = clock.instant();
    queue.ask(cycleId, now, now.plus(after));
  }

  /** Forgets the cycle's pending re-matching (it ended). */
  public void drop(String cycleId) {
    queue.drop(cycleId);
  }

  public Optional<RematchRequest> pending(String cycleId) {
    return queue.find(cycleId);
  }

  /** Takes every due request as far as it goes now; returns how many finished. */
  public int runDue() {
    int done = 0;
    for (RematchRequest request : queue.due(clock.instant())) {
      try {
        Step step = Step.RAN;
        for (int i = 0; i < 4 && step == Step.RAN; i++) {
          step = step(request.cycleId());
        }
        if (step == Step.DONE) {
          done++;
        }
      } catch (RuntimeException e) {
        log.warn(
            "re-matching of cycle {}: {} (tried again later)", request.cycleId(), e.toString());
      }
    }
    return done;
  }

  /**
   * Takes the cycle's request one step: a pending, due request starts its run (on this thread); a
   * started one whose run finished is published or proposed and removed; a failed run is retried
   * later; a run interrupted by a crash is abandoned once its lease has expired, and run again.
   */
  public Step step(String cycleId) {
    Optional<RematchRequest> found = queue.find(cycleId);
    if (found.isEmpty()) {
      return Step.WAITING;
    }
    RematchRequest request = found.get();
    Instant now = clock.instant();
    Optional<PoolCycle> cycle = pool.cycle(cycleId);
    if (cycle.isEmpty() || cycle.get().ended()) {
      queue.drop(cycleId);
      return Step.DONE;
    }
    if (request.state() == RematchRequest.State.PENDING) {
      if (!request.due(now)) {
        return Step.WAITING;
      }
      if (runs.candidates(cycleId, RunService.Kind.REMATCH).size() < 2) {
        // nobody to pair (yet): whoever needs a partner next asks again
        return queue.remove(request) ? Step.DONE : Step.WAITING;
      }
      String runId = "rematch-" + UUID.randomUUID();
      if (!queue.start(request, runId)) {
        return Step.WAITING;
      }
      return run(cycleId, runId);
    }
    String runId = request.runId();
    Optional<Run> run = runStore.find(runId);
    if (run.isEmpty()) {
      // stopped before its run was stored, or another run of the cycle was going
      return run(cycleId, runId);
    }
    if (run.get().running()) {
      if (!runs.abandonIfInterrupted(runId)) {
        return Step.WAITING; // it is going (here or elsewhere), or its lease has not expired yet
      }
      run = runStore.find(runId);
    }
    if (run.isEmpty() || !run.get().completed()) {
      int attempts = request.attempts() + 1;
      Instant retryAt = now.plus(RematchRequest.backoff(attempts - 1, firstRetry, maxRetry));
      log.warn(
          "re-matching run {} of cycle {} failed (attempt {}); next try at {}",
          runId,
          cycleId,
          attempts,
          retryAt);
      queue.retry(request, retryAt, attempts);
      return Step.DONE;
    }
    if (settings.get(cycleId).afterPublication() == MatchingSettings.AfterPublication.AUTOMATIC
        && !publications.published(runId)) {
      publications.publish(runId);
    }
    // published, or stored as a proposal for staff: the request is done
    if (!queue.remove(request)) {
      // asked for again since it was read: run again for whoever is new
      queue
          .find(cycleId)
          .filter(again -> again.state() == RematchRequest.State.STARTED)
          .filter(again -> runId.equals(again.runId()))
          .ifPresent(again -> queue.retry(again, now, 0));
    }
    return Step.DONE;
  }

  private Step run(String cycleId, String runId) {
    try {
      Run run = runs.runNow(cycleId, RunService.Kind.REMATCH, runId);
      log.info("re-matching of cycle {}: run {} {}", cycleId, runId, run.status());
      return Step.RAN;
    } catch (StateConflict busy) {
      return Step.WAITING; // another run of this cycle is going: the next round tries again
    }
  }
}
