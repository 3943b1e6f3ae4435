package org.penpals.matching.partnership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.engine.PairScore;
import org.penpals.matching.pool.Placement;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolCycle;
import org.penpals.matching.pool.PoolMember;
import org.penpals.matching.rematch.application.Rematching;
import org.penpals.matching.run.application.RunService;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.Rules;
import org.penpals.platform.domain.StateConflict;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Published partnerships: list, dissolve, hand-pair after publication, re-match now. */
@RestController
@RequestMapping("/api/matching/cycles/{cycleId}")
@Tag(name = "Partnerships", description = "Published partnerships and what staff do with them")
@SecurityRequirement(name = "bearer")
public class PartnershipController {
  private final Partnerships partnerships;
  private final AfterPublication after;
  private final PublicationService publications;
  private final CycleCompletion completion;
  private final Rematching rematching;
  private final RunService runs;
  private final Pool pool;
  private final Clock clock;

  public PartnershipController(
      Partnerships partnerships,
      AfterPublication after,
      PublicationService publications,
      CycleCompletion completion,
      Rematching rematching,
      RunService runs,
      Pool pool,
      Clock clock) {
    this.partnerships = partnerships;
    this.after = after;
    this.publications = publications;
    this.completion = completion;
    this.rematching = rematching;
    this.runs = runs;
    this.pool = pool;
    this.clock = clock;
  }

  /** A partnership as staff see it. */
  public record PartnershipView(
      String id,
      String cycleId,
      List<String> members,
      long score,
      String origin,
      String runId,
      PartnershipStatus status,
      Instant formedAt,
      @Nullable Instant dissolvedAt,
      @Nullable DissolutionReason dissolvedReason,
      @Nullable Instant completedAt,
      CheckIn checkIn,
      List<Partnership.Report> reports,
      List<Partnership.QuietFlag> quietFlags) {

    static PartnershipView of(Partnership p) {
      return new PartnershipView(
          p.id(),
          p.cycleId(),
          p.members(),
          p.score(),
          p.origin(),
          p.runId(),
          p.status(),
          p.formedAt(),
          p.dissolvedAt(),
          p.dissolvedReason(),
          p.completedAt(),
          CheckIn.of(p.checkIns()),
          p.reports(),
          p.quietFlags());
    }
  }

  /**
   * The week-3 check-in: who answered, and whether they have connected (true if anyone said so,
   * false if everyone who answered said not, null while nobody has answered).
   */
  public record CheckIn(
      List<String> answered, @Nullable Boolean connected, List<Partnership.CheckInAnswer> answers) {
    static CheckIn of(List<Partnership.CheckInAnswer> answers) {
      return new CheckIn(
          answers.stream().map(Partnership.CheckInAnswer::participantId).toList(),
          answers.isEmpty()
              ? null
              : answers.stream().anyMatch(Partnership.CheckInAnswer::connected),
          answers);
    }
  }

  @GetMapping("/partnerships")
  @Operation(
      summary = "The cycle's partnerships: active, dissolved and completed",
      description =
          "Each with its status, its check-in answers (who answered, whether they have"
              + " connected), the reminders sent after a member reported the others silent"
              + " (reports) and the reports nobody answered in time (quietFlags).")
  public List<PartnershipView> list(@PathVariable String cycleId) {
    return partnerships.ofCycle(cycleId).stream().map(PartnershipView::of).toList();
  }

  @GetMapping("/waiting")
  @Operation(
      summary =
          "People without a partner: the waitlist, those whose partner left, and silent members"
              + " (placement QUIET: never re-paired automatically, staff may hand-pair them)")
  public List<Map<String, Object>> waiting(@PathVariable String cycleId) {
    List<Map<String, Object>> waiting = new ArrayList<>();
    for (PoolMember m : pool.members(cycleId)) {
      if (m.active()
          && (m.placement() == Placement.WAITLISTED
              || m.placement() == Placement.NEEDS_PARTNER
              || m.placement() == Placement.QUIET)) {
        Map<String, Object> row = new HashMap<>();
        row.put("participantId", m.participantId());
        row.put("fullName", m.fullName());
        row.put("country", m.country());
        row.put("placement", m.placement());
        waiting.add(row);
      }
    }
    return waiting;
  }

  public record DissolveRequest(@Nullable String reason) {}

  @PostMapping("/partnerships/{partnershipId}/dissolve")
  @Operation(summary = "End a partnership; its members wait for a new partner")
  public PartnershipView dissolve(
      @PathVariable String cycleId, @PathVariable String partnershipId) {
    Partnership p =
        partnerships
            .find(partnershipId)
            .filter(x -> x.cycleId().equals(cycleId))
            .orElseThrow(() -> new NotFound("partnership " + partnershipId, "partnershipId"));
    if (!p.active()) {
      throw new StateConflict("this partnership has already ended", "partnershipId");
    }
    after.dissolve(p, List.of(), DissolutionReason.STAFF);
    return PartnershipView.of(partnerships.find(partnershipId).orElseThrow());
  }

  public record HandPair(@Nullable List<String> members) {}

  @PostMapping("/partnerships")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Hand-pair two or three waiting people into a partnership at once")
  public PartnershipView handPair(
      @PathVariable String cycleId, @RequestBody @Nullable HandPair request) {
    Rules rules = new Rules();
    List<String> ids = request == null ? null : request.members();
    rules.require(
        ids != null
            && ids.size() >= 2
            && ids.size() <= 3
            && ids.stream().distinct().count() == ids.size(),
        "members",
        "must name two or three different participants");
    rules.throwIfAny();
    notEnded(cycleId);
    List<PoolMember> people = new ArrayList<>();
    long score = 0;
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      PoolMember m =
          pool.member(id)
              .filter(x -> x.cycleId().equals(cycleId))
              .orElseThrow(() -> InvalidInput.of("members", id + " is not in this cycle"));
      if (!m.matchable()
          || m.placement() == Placement.PARTNERED
          || partnerships.activeOf(id).isPresent()) {
        throw new StateConflict(id + " is not waiting for a partner", "members");
      }
      people.add(m);
    }
    for (int a = 0; a < ids.size(); a++) {
      for (int b = a + 1; b < ids.size(); b++) {
        List<String> broken = runs.violations(cycleId, ids.get(a), ids.get(b));
        if (!broken.isEmpty()) {
          throw new StateConflict(
              "they cannot be partners: " + String.join("; ", broken), "members");
        }
        PairScore pair = runs.explain(cycleId, ids.get(a), ids.get(b));
        score += pair.score();
      }
    }
    String id = "ps-manual-" + UUID.randomUUID();
    Instant now = clock.instant();
    publications.form(id, cycleId, people, score, "MANUAL", "manual", now);
    completion.ifEnded(cycleId, now);
    return PartnershipView.of(partnerships.find(id).orElseThrow());
  }

  /** 404 for an unknown cycle, 409 once it has ended: nothing is paired or re-matched then. */
  private void notEnded(String cycleId) {
    PoolCycle cycle =
        pool.cycle(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
    if (cycle.ended()) {
      throw new StateConflict(
          "this cycle has ended (" + cycle.status() + "): nobody is paired any more", "cycleId");
    }
  }

  @PostMapping("/rematch")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Re-match the people waiting now (per the cycle's after-publication setting)",
      description =
          "Queues a re-matching for the next round of the re-matching job (every few seconds);"
              + " 409 once the cycle has completed or was archived.")
  public Map<String, String> rematch(@PathVariable String cycleId) {
    notEnded(cycleId);
    rematching.requestNow(cycleId);
    return Map.of("cycleId", cycleId, "status", "requested");
  }
}
