package org.penpals.matching.run.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.engine.ExplanationLine;
import org.penpals.matching.engine.Group;
import org.penpals.matching.engine.PairScore;
import org.penpals.matching.partnership.PublicationService;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolMember;
import org.penpals.matching.run.application.RunService;
import org.penpals.matching.run.application.RunStore;
import org.penpals.matching.run.domain.Run;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.Rules;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff run the matching, watch it, review every pair's explanation, adjust and publish. */
@RestController
@RequestMapping("/api/matching")
@Tag(
    name = "Matching runs",
    description = "Preview, inspect, adjust and publish a cycle's matching")
@SecurityRequirement(name = "bearer")
public class RunController {
  private final RunService runs;
  private final RunStore store;
  private final PublicationService publications;
  private final Pool pool;

  public RunController(
      RunService runs, RunStore store, PublicationService publications, Pool pool) {
    this.runs = runs;
    this.store = store;
    this.publications = publications;
    this.pool = pool;
  }

  public record StartRequest(RunService.@Nullable Kind kind) {}

  @PostMapping("/cycles/{cycleId}/runs")
  @Operation(
      summary = "Start a matching run (a preview: nothing is published)",
      description =
          "Runs in the background; poll the run. One run per cycle at a time (409 otherwise)."
              + " kind INITIAL (default) matches everyone verified and admitted; REMATCH matches"
              + " late applicants, the waitlist and people whose partner left.")
  public ResponseEntity<Run> start(
      @PathVariable String cycleId, @RequestBody(required = false) @Nullable StartRequest request) {
    RunService.Kind kind =
        request == null || request.kind() == null ? RunService.Kind.INITIAL : request.kind();
    Run run = runs.start(cycleId, kind, done -> {});
    return ResponseEntity.accepted()
        .location(URI.create("/api/matching/runs/" + run.id()))
        .body(run);
  }

  @GetMapping("/cycles/{cycleId}/runs")
  @Operation(summary = "The cycle's runs, newest first")
  public List<Run> ofCycle(@PathVariable String cycleId) {
    return store.ofCycle(cycleId);
  }

  @GetMapping("/runs/{runId}")
  @Operation(summary = "A run: progress while running, quality report when done")
  public Run get(@PathVariable String runId) {
    return runs.get(runId);
  }

  /** Who a member is, for staff reviewing pairs. */
  public record MemberView(
      String participantId,
      @Nullable String fullName,
      String country,
      @Nullable String organisation,
      String sector,
      String timeZone,
      List<String> languages) {}

  public record GroupView(
      int index,
      List<MemberView> members,
      int score,
      boolean locked,
      List<ExplanationLine> explanation) {}

  public record GroupPage(List<GroupView> items, int page, int size, long total) {}

  @GetMapping("/runs/{runId}/groups")
  @Operation(summary = "The run's partnerships, each with its explanation criterion by criterion")
  public GroupPage groups(
      @PathVariable String runId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Rules rules = new Rules();
    rules.require(page >= 0, "page", "must not be negative");
    rules.require(size >= 1 && size <= 500, "size", "must be between 1 and 500");
    rules.throwIfAny();
    runs.get(runId);
    List<Group> groups = store.groups(runId, page, size);
    List<GroupView> items = new java.util.ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      items.add(
          new GroupView(
              page * size + i,
              g.members().stream().map(this::member).toList(),
              g.score(),
              g.locked(),
              g.explanation()));
    }
    return new GroupPage(items, page, size, store.groupCount(runId));
  }

  private MemberView member(String id) {
    return pool.member(id)
        .map(RunController::view)
        .orElse(new MemberView(id, null, "", null, "", "", List.of()));
  }

  static MemberView view(PoolMember m) {
    return new MemberView(
        m.participantId(),
        m.fullName(),
        m.country(),
        m.organisation(),
        m.sector(),
        m.timeZone(),
        m.correspondenceLanguages());
  }

  public record PairRequest(@Nullable String first, @Nullable String second) {
    String[] require() {
      Rules rules = new Rules();
      String a = rules.text(first, "first", 1, 100);
      String b = rules.text(second, "second", 1, 100);
      rules.throwIfAny();
      return new String[] {a, b};
    }
  }

  @PostMapping("/runs/{runId}/swap")
  @Operation(summary = "Swap two people between their partnerships in an unpublished run")
  public List<Group> swap(@PathVariable String runId, @RequestBody @Nullable PairRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    String[] pair = request.require();
    return runs.swap(runId, pair[0], pair[1]);
  }

  public record Explained(PairScore score, List<String> hardRuleViolations) {}

  @PostMapping("/cycles/{cycleId}/explain")
  @Operation(summary = "Why two people would (or could not) be partners, criterion by criterion")
  public Explained explain(
      @PathVariable String cycleId, @RequestBody @Nullable PairRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    String[] pair = request.require();
    return new Explained(
        runs.explain(cycleId, pair[0], pair[1]), runs.violations(cycleId, pair[0], pair[1]));
  }

  @PostMapping("/runs/{runId}/publish")
  @Operation(
      summary = "Publish a finished run",
      description =
          "Emits one PartnershipFormed per partnership, ParticipantWaitlisted for each person"
              + " left out, MatchingRunCompleted and, for the cycle's first matching,"
              + " MatchesPublished. Publishing twice is refused (409).")
  public PublicationService.Published publish(@PathVariable String runId) {
    return publications.publish(runId);
  }
}
