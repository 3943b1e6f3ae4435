package org.penpals.matching.run.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.penpals.matching.engine.Candidate;
import org.penpals.matching.engine.ExplanationLine;
import org.penpals.matching.engine.Group;
import org.penpals.matching.engine.HardRules;
import org.penpals.matching.engine.IdPair;
import org.penpals.matching.engine.MatchingEngine;
import org.penpals.matching.engine.MatchingRequest;
import org.penpals.matching.engine.MatchingResult;
import org.penpals.matching.engine.PairScore;
import org.penpals.matching.engine.Rules;
import org.penpals.matching.engine.Scorer;
import org.penpals.matching.pool.Placement;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolCycle;
import org.penpals.matching.pool.PoolMember;
import org.penpals.matching.run.domain.Run;
import org.penpals.matching.settings.MatchingSettings;
import org.penpals.matching.settings.SettingsStore;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine for a cycle, asynchronously, one run per cycle at a time, and lets staff adjust a
 * finished run. Runs have no side effects beyond their own records: nothing is published until
 * staff publish.
 */
public class RunService {
  private static final Logger log = LoggerFactory.getLogger(RunService.class);

  /** Held while a cycle's run is going (across instances: a lease in MongoDB). */
  public interface CycleLocks {
    Optional<AutoCloseable> tryLock(String cycleId, Duration atMost);
  }

  private final Pool pool;
  private final RunStore runs;
  private final AdjustmentStore adjustments;
  private final SettingsStore settings;
  private final CycleLocks locks;
  private final Executor executor;
  private final Clock clock;
  private final MatchingEngine engine = new MatchingEngine();
  private final Map<String, String> runningByCycle = new ConcurrentHashMap<>();

  public RunService(
      Pool pool,
      RunStore runs,
      AdjustmentStore adjustments,
      SettingsStore settings,
      CycleLocks locks,
      Executor executor,
      Clock clock) {
    this.pool = pool;
    this.runs = runs;
    this.adjustments = adjustments;
    this.settings = settings;
    this.locks = locks;
    this.executor = executor;
    this.clock = clock;
  }

  /** Who a run of this kind considers. */
  public enum Kind {
    /** The cycle's matching: every verified, admitted participant not yet placed. */
    INITIAL,
    /**
     * After publication: late applicants, the waitlist and people whose partner left (never members
     * placed QUIET).
     */
    REMATCH
  }

  /**
   * Starts a run in the background and returns it at once (status RUNNING).
   *
   * @param then called with the finished run
   */
  public Run start(String cycleId, Kind kind, java.util.function.Consumer<Run> then) {
    Started started = begin(cycleId, kind, UUID.randomUUID().toString());
    try {
      executor.execute(
          () -> then.accept(execute(started.run(), started.cycle(), kind, started.lock())));
    } catch (RuntimeException e) {
      runs.finish(failed(started.run(), "could not be started: " + e));
      finish(cycleId, started.lock());
      throw e;
    }
    return started.run();
  }

  /**
   * Runs the engine on the calling thread (the re-matching job, which holds its own lease) and
   * returns the finished run, COMPLETED or FAILED.
   *
   * @param runId the run's id, chosen by the caller (a second run with it is refused)
   * @throws StateConflict if a run of this cycle is going, or one with this id exists
   */
  public Run runNow(String cycleId, Kind kind, String runId) {
    Started started = begin(cycleId, kind, runId);
    return execute(started.run(), started.cycle(), kind, started.lock());
  }

  private record Started(Run run, PoolCycle cycle, AutoCloseable lock) {}

  private Started begin(String cycleId, Kind kind, String runId) {
    PoolCycle cycle =
        pool.cycle(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
    Optional<AutoCloseable> lock = locks.tryLock(cycleId, leaseOf(kind));
    if (lock.isEmpty() || runningByCycle.putIfAbsent(cycleId, "starting") != null) {
      lock.ifPresent(RunService::release);
      throw new StateConflict("a matching run is already in progress for this cycle", "cycleId");
    }
    Run run = Run.started(runId, cycleId, kind.name(), clock.instant());
    try {
      if (!runs.insert(run)) {
        throw new StateConflict("run " + runId + " exists already", "runId");
      }
      runningByCycle.put(cycleId, run.id());
    } catch (RuntimeException e) {
      finish(cycleId, lock.get());
      throw e;
    }
    return new Started(run, cycle, lock.get());
  }

  /**
   * How long a run's lease lasts if its instance dies: a re-matching (few people) is redone after
   * that; a cycle's initial matching may take long.
   */
  private static Duration leaseOf(Kind kind) {
    return kind == Kind.REMATCH ? Duration.ofMinutes(10) : Duration.ofMinutes(30);
  }

  /**
   * A run left RUNNING by an instance that stopped: if nobody holds the cycle's lease any more,
   * marks it FAILED. Returns whether the run is over (finished, failed or abandoned now); false
   * while it is going, here or elsewhere, or its lease has not expired.
   */
  public boolean abandonIfInterrupted(String runId) {
    Optional<Run> found = runs.find(runId);
    if (found.isEmpty() || !found.get().running()) {
      return true;
    }
    String cycleId = found.get().cycleId();
    if (runningByCycle.containsKey(cycleId)) {
      return false;
    }
    Optional<AutoCloseable> lock = locks.tryLock(cycleId, Duration.ofMinutes(1));
    if (lock.isEmpty()) {
      return false;
    }
    try {
      runs.find(runId)
          .filter(Run::running)
          .ifPresent(
              run -> {
                log.warn("matching run {} was interrupted (its instance stopped)", runId);
                runs.finish(failed(run, "interrupted: the instance running it stopped"));
              });
      return true;
    } finally {
      release(lock.get());
    }
  }

  private Run execute(Run run, PoolCycle cycle, Kind kind, AutoCloseable lock) {
    try {
      MatchingSettings s = settings.get(run.cycleId());
      List<Candidate> candidates = candidates(run.cycleId(), kind);
      MatchingRequest request =
          MatchingRequest.of(
              candidates,
              rules(run.cycleId(), candidates),
              s.weights(),
              s.leftoverPolicy(),
              cycle.partnershipStartsOn());
      long[] lastWrite = {0};
      MatchingResult result =
          engine.match(
              request,
              (phase, fraction, message) -> {
                long now = System.nanoTime();
                if (now - lastWrite[0] > 500_000_000L) {
                  lastWrite[0] = now;
                  runs.progress(run.id(), phase.name(), fraction, message);
                }
              },
              () -> false);
      runs.saveGroups(run.id(), result.groups());
      Run done =
          new Run(
              run.id(),
              run.cycleId(),
              run.kind(),
              "COMPLETED",
              "DONE",
              1,
              result.groups().size() + " partnerships",
              run.startedAt(),
              clock.instant(),
              result.quality(),
              result.waitlist(),
              null,
              false,
              false);
      runs.finish(done);
      log.info(
          "matching run {} of cycle {}: {} people, {} matched, gap {}",
          run.id(),
          run.cycleId(),
          result.quality().people(),
          result.quality().matchedPeople(),
          result.quality().gap());
      return done;
    } catch (RuntimeException | Error e) {
      log.error("matching run {} failed", run.id(), e);
      Run failed = failed(run, e.getClass().getSimpleName() + ": " + e.getMessage());
      runs.finish(failed);
      return failed;
    } finally {
      finish(run.cycleId(), lock);
    }
  }

  private Run failed(Run run, String error) {
    return new Run(
        run.id(),
        run.cycleId(),
        run.kind(),
        "FAILED",
        "FAILED",
        0,
        "failed",
        run.startedAt(),
        clock.instant(),
        null,
        List.of(),
        error,
        false,
        false);
  }

  private void finish(String cycleId, AutoCloseable lock) {
    runningByCycle.remove(cycleId);
    release(lock);
  }

  private static void release(AutoCloseable lock) {
    try {
      lock.close();
    } catch (Exception e) {
      log.warn("could not release a run lock: {}", e.toString());
    }
  }

  /** Whom a run of this kind matches. */
  public List<Candidate> candidates(String cycleId, Kind kind) {
    return pool.members(cycleId).stream()
        .filter(PoolMember::matchable)
        .filter(
            m ->
                kind == Kind.INITIAL
                    ? m.placement() == Placement.UNPLACED
                    : m.placement().waiting())
        .sorted(java.util.Comparator.comparing(PoolMember::participantId))
        .map(Candidates::of)
        .toList();
  }

  /** Staff locks and forbids for this cycle, and earlier partnerships among these people. */
  public Rules rules(String cycleId, List<Candidate> candidates) {
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    candidates.forEach(
        c -> {
          ids.add(c.id());
          keys.add(c.personKey());
        });
    return new Rules(
        only(adjustments.forbidden(cycleId), ids),
        only(adjustments.locked(cycleId), ids),
        only(adjustments.previousPartners(), keys));
  }

  private static Set<IdPair> only(Set<IdPair> pairs, Set<String> present) {
    Set<IdPair> kept = new HashSet<>();
    for (IdPair pair : pairs) {
      if (present.contains(pair.first()) && present.contains(pair.second())) {
        kept.add(pair);
      }
    }
    return kept;
  }

  public Run get(String runId) {
    return runs.find(runId).orElseThrow(() -> new NotFound("run " + runId, "runId"));
  }

  /**
   * Swaps two people between their groups in a finished, unpublished run; every new pair must
   * satisfy the hard rules. Scores and explanations are recomputed.
   */
  public List<Group> swap(String runId, String first, String second) {
    Run run = get(runId);
    if (!run.completed() || run.published()) {
      throw new StateConflict("only a finished, unpublished run can be adjusted", "runId");
    }
    if (first.equals(second)) {
      throw InvalidInput.of("second", "must be someone else than first");
    }
    List<Group> groups = runs.groups(runId);
    int a = indexOf(groups, first, "first");
    int b = indexOf(groups, second, "second");
    if (a == b) {
      throw InvalidInput.of("second", "is already in the same partnership as first");
    }
    Map<String, Candidate> byId = new HashMap<>();
    List<Candidate> everyone = candidates(run.cycleId(), Kind.valueOf(run.kind()));
    everyone.forEach(c -> byId.put(c.id(), c));
    Rules rules = rules(run.cycleId(), everyone);
    Scorer scorer = scorer(run.cycleId());
    Group ga = regroup(groups.get(a), first, second, byId, rules, scorer);
    Group gb = regroup(groups.get(b), second, first, byId, rules, scorer);
    runs.replaceGroups(runId, Map.of(a, ga, b, gb));
    runs.update(
        new Run(
            run.id(),
            run.cycleId(),
            run.kind(),
            run.status(),
            run.phase(),
            run.fraction(),
            run.message(),
            run.startedAt(),
            run.finishedAt(),
            run.quality(),
            run.waitlist(),
            run.error(),
            false,
            true));
    return List.of(ga, gb);
  }

  private static int indexOf(List<Group> groups, String id, String field) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).members().contains(id)) {
        return i;
      }
    }
    throw InvalidInput.of(field, "is not in a partnership of this run");
  }

  private static Group regroup(
      Group group, String out, String in, Map<String, Candidate> byId, Rules rules, Scorer scorer) {
    if (group.locked()) {
      throw new StateConflict("a locked partnership cannot be changed; unlock it first", null);
    }
    List<String> members = new ArrayList<>(group.members());
    members.set(members.indexOf(out), in);
    return scored(members, byId, rules, scorer);
  }

  /** A group of these members with every pair checked and explained. */
  static Group scored(
      List<String> members, Map<String, Candidate> byId, Rules rules, Scorer scorer) {
    HardRules hard = new HardRules(rules);
    int score = 0;
    List<ExplanationLine> lines = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        Candidate x = byId.get(members.get(i));
        Candidate y = byId.get(members.get(j));
        if (x == null || y == null) {
          throw new StateConflict("a member is no longer available for matching", null);
        }
        List<String> broken = hard.violations(x, y);
        if (!broken.isEmpty()) {
          throw new StateConflict(
              x.id() + " and " + y.id() + " cannot be partners: " + String.join("; ", broken),
              null);
        }
        PairScore pair = scorer.explain(x, y);
        score += pair.score();
        lines.addAll(pair.lines());
      }
    }
    return new Group(members, score, lines, false);
  }

  /** Explains any pair of the cycle's pool with its settings (hand-pairing, review). */
  public PairScore explain(String cycleId, String first, String second) {
    Candidate a = candidate(first, "first");
    Candidate b = candidate(second, "second");
    return scorer(cycleId).explain(a, b);
  }

  public List<String> violations(String cycleId, String first, String second) {
    Candidate a = candidate(first, "first");
    Candidate b = candidate(second, "second");
    return new HardRules(rules(cycleId, List.of(a, b))).violations(a, b);
  }

  private Candidate candidate(String id, String field) {
    return pool.member(id)
        .filter(m -> m.personKey() != null)
        .map(Candidates::of)
        .orElseThrow(() -> new NotFound("participant " + id, field));
  }

  private Scorer scorer(String cycleId) {
    PoolCycle cycle =
        pool.cycle(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
    return new Scorer(settings.get(cycleId).weights(), cycle.partnershipStartsOn());
  }
}
