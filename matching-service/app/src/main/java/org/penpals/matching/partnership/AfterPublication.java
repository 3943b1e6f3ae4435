package org.penpals.matching.partnership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolMember;
import org.penpals.matching.pool.RegistrationListener;
import org.penpals.matching.run.application.RunService;
import org.penpals.matching.settings.MatchingSettings;
import org.penpals.matching.settings.SettingsStore;
import org.penpals.platform.domain.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps partnerships whole after publication. Someone leaves: their partnership is dissolved; a
 * trio's two others stay together as a pair, a pair's other person needs a partner. Someone arrives
 * late (verified after publication): they need a partner. People needing a partner are re-matched
 * among themselves and the waitlist — automatically, or as a proposal for staff, per the cycle's
 * settings — without touching other partnerships.
 */
public class AfterPublication implements RegistrationListener.PoolChanges {
  private static final Logger log = LoggerFactory.getLogger(AfterPublication.class);

  private final Pool pool;
  private final Partnerships partnerships;
  private final PublicationService publications;
  private final RunService runs;
  private final SettingsStore settings;
  private final Clock clock;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  public AfterPublication(
      Pool pool,
      Partnerships partnerships,
      PublicationService publications,
      RunService runs,
      SettingsStore settings,
      Clock clock) {
    this.pool = pool;
    this.partnerships = partnerships;
    this.publications = publications;
    this.runs = runs;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void left(PoolMember member, String reason) {
    partnerships
        .activeOf(member.participantId())
        .ifPresent(p -> dissolve(p, List.of(member.participantId()), reason));
  }

  /** Ends a partnership because these members leave (or all of it, for staff). */
  public void dissolve(Partnership p, List<String> leaving, String reason) {
    Instant now = clock.instant();
    List<String> remaining = new ArrayList<>(p.members());
    remaining.removeAll(leaving);
    boolean done =
        partnerships.dissolve(
            p.id(),
            reason,
            now,
            List.of(
                new PartnershipDissolved(p.id(), p.cycleId(), reason, leaving, remaining, now)));
    if (!done) {
      return;
    }
    List<PoolMember> staying =
        remaining.stream()
            .map(pool::member)
            .flatMap(Optional::stream)
            .filter(PoolMember::active)
            .toList();
    if (staying.size() >= 2 && !"STAFF".equals(reason)) {
      // a trio lost one: the two others were already partners, they carry on as a pair
      publications.form(
          p.id() + "-r", p.cycleId(), staying, p.score(), "REPLACEMENT", p.runId(), now);
      return;
    }
    staying.forEach(s -> pool.place(s.participantId(), "NEEDS_PARTNER", List.of()));
    if (!staying.isEmpty()) {
      requestRematch(p.cycleId());
    }
  }

  @Override
  public void becameMatchable(PoolMember member) {
    boolean published =
        partnerships
            .publication("initial:" + member.cycleId())
            .filter(d -> "DONE".equals(d.getString("status")))
            .isPresent();
    if (published && member.matchable() && "UNPLACED".equals(member.placement())) {
      requestRematch(member.cycleId());
    }
  }

  /** Asks for a re-matching of the cycle; {@link #rematchPending} carries it out. */
  public void requestRematch(String cycleId) {
    pending.add(cycleId);
  }

  /**
   * Starts the re-matchings asked for (called periodically, so bursts of withdrawals become one
   * run). AUTOMATIC cycles publish the result at once; PROPOSE cycles leave it for staff.
   */
  public void rematchPending() {
    for (String cycleId : List.copyOf(pending)) {
      if (runs.running(cycleId)) {
        continue;
      }
      pending.remove(cycleId);
      boolean automatic =
          settings.get(cycleId).afterPublication() == MatchingSettings.AfterPublication.AUTOMATIC;
      try {
        if (runs.candidates(cycleId, RunService.Kind.REMATCH).size() < 2) {
          continue;
        }
        runs.start(
            cycleId,
            RunService.Kind.REMATCH,
            run -> {
              if (automatic) {
                publications.publish(run.id());
              }
            });
      } catch (StateConflict busy) {
        pending.add(cycleId); // another instance is running it: try again later
      } catch (RuntimeException e) {
        log.warn("could not re-match cycle {}: {}", cycleId, e.toString());
        pending.add(cycleId);
      }
    }
  }

  public boolean pending(String cycleId) {
    return pending.contains(cycleId);
  }
}
