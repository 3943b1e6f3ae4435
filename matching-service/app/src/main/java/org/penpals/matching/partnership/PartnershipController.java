package org.penpals.matching.partnership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.engine.PairScore;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolMember;
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
  private final RunService runs;
  private final Pool pool;
  private final Clock clock;

  public PartnershipController(
      Partnerships partnerships,
      AfterPublication after,
      PublicationService publications,
      RunService runs,
      Pool pool,
      Clock clock) {
    this.partnerships = partnerships;
    this.after = after;
    this.publications = publications;
    this.runs = runs;
    this.pool = pool;
    this.clock = clock;
  }

  @GetMapping("/partnerships")
  @Operation(summary = "The cycle's partnerships, active and dissolved")
  public List<Partnership> list(@PathVariable String cycleId) {
    return partnerships.ofCycle(cycleId);
  }

  @GetMapping("/waiting")
  @Operation(
      summary = "People without a partner: the waitlist, late applicants, those whose partner left")
  public List<Map<String, Object>> waiting(@PathVariable String cycleId) {
    List<Map<String, Object>> waiting = new ArrayList<>();
    for (PoolMember m : pool.members(cycleId)) {
      if (m.active()
          && ("WAITLISTED".equals(m.placement()) || "NEEDS_PARTNER".equals(m.placement()))) {
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
  public Partnership dissolve(@PathVariable String cycleId, @PathVariable String partnershipId) {
    Partnership p =
        partnerships
            .find(partnershipId)
            .filter(x -> x.cycleId().equals(cycleId))
            .orElseThrow(() -> new NotFound("partnership " + partnershipId, "partnershipId"));
    if (!p.active()) {
      throw new StateConflict("this partnership has already ended", "partnershipId");
    }
    after.dissolve(p, List.of(), "STAFF");
    return partnerships.find(partnershipId).orElseThrow();
  }

  public record HandPair(@Nullable List<String> members) {}

  @PostMapping("/partnerships")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Hand-pair two or three waiting people into a partnership at once")
  public Partnership handPair(
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
    List<PoolMember> people = new ArrayList<>();
    long score = 0;
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      PoolMember m =
          pool.member(id)
              .filter(x -> x.cycleId().equals(cycleId))
              .orElseThrow(() -> InvalidInput.of("members", id + " is not in this cycle"));
      if (!m.matchable() || "PARTNERED".equals(m.placement())) {
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
    publications.form(id, cycleId, people, score, "MANUAL", "manual", clock.instant());
    return partnerships.find(id).orElseThrow();
  }

  @PostMapping("/rematch")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Re-match the people waiting now (per the cycle's after-publication setting)")
  public Map<String, String> rematch(@PathVariable String cycleId) {
    pool.cycle(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
    after.requestRematch(cycleId);
    after.rematchPending();
    return Map.of("cycleId", cycleId, "status", "requested");
  }
}
