package org.penpals.matching.partnership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.penpals.contracts.matching.MatchesPublished;
import org.penpals.contracts.matching.ParticipantWaitlisted;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.matching.engine.Group;
import org.penpals.matching.engine.IdPair;
import org.penpals.matching.engine.Waitlisted;
import org.penpals.matching.pool.Placement;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolCycle;
import org.penpals.matching.pool.PoolMember;
import org.penpals.matching.run.adapter.out.mongo.MongoAdjustmentStore;
import org.penpals.matching.run.adapter.out.mongo.MongoRunStore;
import org.penpals.matching.run.application.RunStore;
import org.penpals.matching.run.domain.Run;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a finished run: one {@code PartnershipFormed} per partnership, one {@code
 * ParticipantWaitlisted} per person left out, then {@code MatchingRunCompleted} and (for the
 * cycle's first matching) {@code MatchesPublished}. Each write carries its events (outbox) and has
 * a deterministic key, so a publication interrupted by a crash is finished on restart and never
 * emits anything twice.
 */
public class PublicationService {
  private static final Logger log = LoggerFactory.getLogger(PublicationService.class);

  private final Pool pool;
  private final RunStore runs;
  private final Partnerships partnerships;
  private final MongoAdjustmentStore history;
  private final CycleCompletion completion;
  private final Clock clock;

  public PublicationService(
      Pool pool,
      RunStore runs,
      Partnerships partnerships,
      MongoAdjustmentStore history,
      CycleCompletion completion,
      Clock clock) {
    this.pool = pool;
    this.runs = runs;
    this.partnerships = partnerships;
    this.history = history;
    this.completion = completion;
    this.clock = clock;
  }

  /** What a publication did. */
  public record Published(String runId, int partnerships, int waitlisted, int skipped) {}

  public Published publish(String runId) {
    Run run = runs.find(runId).orElseThrow(() -> new NotFound("run " + runId, "runId"));
    if (!run.completed()) {
      throw new StateConflict(
          "only a finished run can be published (it is " + run.status() + ")", "runId");
    }
    if (pool.cycle(run.cycleId()).map(PoolCycle::ended).orElse(false)) {
      throw new StateConflict("this cycle has ended: nothing more is published", "cycleId");
    }
    String publication = publicationId(run);
    if (!partnerships.startPublication(publication, run.cycleId(), run.id(), clock.instant())) {
      var existing = partnerships.publication(publication).orElseThrow();
      boolean sameRunUnfinished =
          run.id().equals(existing.getString("runId"))
              && "PUBLISHING".equals(existing.getString("status"));
      if (!sameRunUnfinished) {
        throw new StateConflict(
            "INITIAL".equals(run.kind())
                ? "this cycle's matching is already published; re-match late changes instead"
                : "this run is already published",
            "runId");
      }
    }
    return complete(run, publication);
  }

  /** Whether the run's publication finished. */
  public boolean published(String runId) {
    return runs.find(runId)
        .flatMap(run -> partnerships.publication(publicationId(run)))
        .filter(d -> runId.equals(d.getString("runId")))
        .filter(d -> "DONE".equals(d.getString("status")))
        .isPresent();
  }

  /**
   * Finishes publications a crash interrupted: those still going that started before {@code
   * startedBefore} (finishing one that is in fact still going elsewhere is harmless: every write is
   * keyed or conditional).
   */
  public int resumeUnfinished(Instant startedBefore) {
    int resumed = 0;
    for (var publication : partnerships.unfinishedPublications(startedBefore)) {
      runs.find(publication.getString("runId"))
          .ifPresent(run -> complete(run, publication.getString("_id")));
      resumed++;
    }
    return resumed;
  }

  private static String publicationId(Run run) {
    return "INITIAL".equals(run.kind()) ? "initial:" + run.cycleId() : "rematch:" + run.id();
  }

  private Published complete(Run run, String publication) {
    Instant now = clock.instant();
    String origin = "INITIAL".equals(run.kind()) ? "INITIAL" : "REPLACEMENT";
    Map<String, PoolMember> members =
        pool.members(run.cycleId()).stream()
            .collect(Collectors.toMap(PoolMember::participantId, Function.identity()));
    List<Group> groups = runs.groups(run.id());
    int formed = 0;
    int skipped = 0;
    for (int i = 0; i < groups.size(); i++) {
      Group group = groups.get(i);
      String id = "ps-" + run.id() + "-" + i;
      List<PoolMember> people = new ArrayList<>();
      for (String member : group.members()) {
        Optional.ofNullable(members.get(member))
            .filter(PoolMember::active)
            .filter(m -> free(m, id))
            .ifPresent(people::add);
      }
      if (people.size() < group.members().size()) {
        // someone left (or was paired by hand) between the run and its publication: the others
        // wait for a partner
        people.forEach(p -> pool.place(p.participantId(), Placement.NEEDS_PARTNER, List.of()));
        skipped++;
        continue;
      }
      form(id, run.cycleId(), people, group.score(), originOf(origin, people), run.id(), now);
      formed++;
    }
    int waitlisted = 0;
    for (Waitlisted w : run.waitlist()) {
      PoolMember m = members.get(w.candidateId());
      if (m != null
          && m.active()
          && m.placement().waiting()
          && m.placement() != Placement.WAITLISTED) {
        pool.place(
            m.participantId(),
            Placement.WAITLISTED,
            List.of(
                new ParticipantWaitlisted(
                    m.participantId(), run.cycleId(), w.reason().name(), run.id(), now)));
        waitlisted++;
      }
    }
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
            true,
            run.adjusted()));
    List<Object> events = new ArrayList<>();
    if (run.quality() != null) {
      events.add(MongoRunStore.runCompleted(run, true, now));
    }
    if ("INITIAL".equals(run.kind())) {
      events.add(new MatchesPublished(run.cycleId(), run.id(), formed, waitlisted, now));
    }
    partnerships.finishPublication(publication, now, events);
    completion.ifEnded(run.cycleId(), now);
    log.info(
        "published run {} of cycle {}: {} partnerships, {} waitlisted, {} skipped",
        run.id(),
        run.cycleId(),
        formed,
        waitlisted,
        skipped);
    return new Published(run.id(), formed, waitlisted, skipped);
  }

  private static String originOf(String origin, List<PoolMember> people) {
    if (!"REPLACEMENT".equals(origin)) {
      return origin;
    }
    return people.stream().allMatch(p -> p.placement() == Placement.UNPLACED) ? "LATE" : origin;
  }

  /**
   * Whether a member may join the partnership {@code id}: not in another active partnership (a
   * member already placed there by this very publication, resumed, is).
   */
  private boolean free(PoolMember m, String id) {
    if (m.placement() != Placement.PARTNERED && m.placement() != Placement.QUIET) {
      return true;
    }
    return partnerships.activeOf(m.participantId()).map(p -> p.id().equals(id)).orElse(false);
  }

  /**
   * Forms a partnership (used by publication, by staff hand-pairing and when a trio loses a
   * member): stores it with its {@code PartnershipFormed}, places its members, remembers the pairs
   * so they never repeat.
   */
  public void form(
      String id,
      String cycleId,
      List<PoolMember> people,
      long score,
      String origin,
      String runId,
      Instant now) {
    List<PartnershipMember> members =
        people.stream()
            .map(p -> new PartnershipMember(p.participantId(), p.timeZone(), p.locale()))
            .toList();
    partnerships.insert(
        Partnership.formed(
            id,
            cycleId,
            people.stream().map(PoolMember::participantId).toList(),
            score,
            origin,
            runId,
            now),
        List.of(new PartnershipFormed(id, cycleId, members, score, origin, runId, now)));
    for (PoolMember p : people) {
      pool.place(p.participantId(), Placement.PARTNERED, List.of());
    }
    for (int a = 0; a < people.size(); a++) {
      for (int b = a + 1; b < people.size(); b++) {
        String ka = people.get(a).personKey();
        String kb = people.get(b).personKey();
        if (ka != null && kb != null) {
          history.remember(IdPair.of(ka, kb));
        }
      }
    }
  }
}
