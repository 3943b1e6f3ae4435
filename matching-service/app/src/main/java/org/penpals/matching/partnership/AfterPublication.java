package org.penpals.matching.partnership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.matching.pool.Placement;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolMember;
import org.penpals.matching.pool.RegistrationListener;
import org.penpals.matching.rematch.application.Rematching;

/**
 * Keeps partnerships whole after publication. Someone leaves: their partnership is dissolved; a
 * trio's two others stay together as a pair, a pair's other person needs a partner. Someone arrives
 * late (verified or admitted after publication): they need a partner. People needing a partner are
 * re-matched among themselves and the waitlist through the durable re-matching queue ({@link
 * Rematching}) — published automatically, or proposed to staff, per the cycle's settings — without
 * touching other partnerships. The cycle completes: its partnerships complete with it.
 */
public class AfterPublication implements RegistrationListener.PoolChanges {
  private final Pool pool;
  private final Partnerships partnerships;
  private final PublicationService publications;
  private final Rematching rematching;
  private final CycleCompletion completion;
  private final Clock clock;

  public AfterPublication(
      Pool pool,
      Partnerships partnerships,
      PublicationService publications,
      Rematching rematching,
      CycleCompletion completion,
      Clock clock) {
    this.pool = pool;
    this.partnerships = partnerships;
    this.publications = publications;
    this.rematching = rematching;
    this.completion = completion;
    this.clock = clock;
  }

  @Override
  public void left(PoolMember member, RegistrationListener.Departure how) {
    partnerships
        .activeOf(member.participantId())
        .ifPresent(
            p ->
                dissolve(
                    p, List.of(member.participantId()), DissolutionReason.valueOf(how.name())));
  }

  /**
   * Ends a partnership because these members leave (none, for staff: all of it ends), with its
   * {@code PartnershipDissolved}, then {@link #settle settles} the members. Returns false if it was
   * no longer active (nothing done).
   */
  public boolean dissolve(Partnership p, List<String> leaving, DissolutionReason reason) {
    Instant now = clock.instant();
    List<String> remaining = remaining(p, leaving);
    boolean done =
        partnerships.dissolve(
            p.id(),
            reason,
            now,
            List.of(
                new PartnershipDissolved(
                    p.id(), p.cycleId(), reason.name(), leaving, remaining, now)));
    if (done) {
      settle(p, leaving, reason);
    }
    return done;
  }

  /**
   * Places the members of a dissolved partnership (idempotent: after a crash it may be done again).
   * The silent members of a {@code QUIET} dissolution are placed QUIET (never re-paired
   * automatically); two remaining members carry on as a pair (not after {@code STAFF}); a lone
   * remaining member, or everyone after {@code STAFF}, needs a partner, and a re-matching is asked
   * for. Members already in another active partnership are left where they are.
   */
  public void settle(Partnership p, List<String> leaving, DissolutionReason reason) {
    Instant now = clock.instant();
    if (reason == DissolutionReason.QUIET) {
      leaving.stream()
          .filter(id -> partnerships.activeOf(id).isEmpty())
          .forEach(id -> pool.place(id, Placement.QUIET, List.of()));
    }
    List<PoolMember> staying =
        remaining(p, leaving).stream()
            .map(pool::member)
            .flatMap(Optional::stream)
            .filter(PoolMember::active)
            .toList();
    List<PoolMember> free =
        staying.stream().filter(s -> partnerships.activeOf(s.participantId()).isEmpty()).toList();
    if (staying.size() >= 2 && reason != DissolutionReason.STAFF) {
      // a trio lost one: the two others were already partners, they carry on as a pair
      if (free.size() == staying.size()) {
        publications.form(
            Partnership.continuationId(p.id()),
            p.cycleId(),
            staying,
            p.score(),
            "REPLACEMENT",
            p.runId(),
            now);
        completion.ifEnded(p.cycleId(), now);
      }
      return;
    }
    free.forEach(s -> pool.place(s.participantId(), Placement.NEEDS_PARTNER, List.of()));
    if (!free.isEmpty()) {
      rematching.request(p.cycleId());
    }
  }

  private static List<String> remaining(Partnership p, List<String> leaving) {
    List<String> remaining = new ArrayList<>(p.members());
    remaining.removeAll(leaving);
    return remaining;
  }

  @Override
  public void becameMatchable(PoolMember member) {
    boolean published =
        partnerships
            .publication("initial:" + member.cycleId())
            .filter(d -> "DONE".equals(d.getString("status")))
            .isPresent();
    if (published && member.matchable() && member.placement() == Placement.UNPLACED) {
      rematching.request(member.cycleId());
    }
  }

  @Override
  public void cycleEnded(String cycleId, Instant completedAt) {
    rematching.drop(cycleId);
    completion.complete(cycleId, completedAt);
  }
}
