package org.penpals.matching.run.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.engine.IdPair;
import org.penpals.matching.run.application.AdjustmentStore;
import org.penpals.matching.run.application.RunService;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff decisions every later run honours: locked pairs (hand-pairing: these two are partners) and
 * forbidden pairs (never these two).
 */
@RestController
@RequestMapping("/api/matching/cycles/{cycleId}")
@Tag(name = "Adjustments", description = "Lock (hand-pair) and forbid pairs for a cycle's runs")
@SecurityRequirement(name = "bearer")
public class AdjustmentController {
  private final AdjustmentStore adjustments;
  private final RunService runs;

  public AdjustmentController(AdjustmentStore adjustments, RunService runs) {
    this.adjustments = adjustments;
    this.runs = runs;
  }

  @GetMapping("/adjustments")
  @Operation(summary = "The cycle's locked and forbidden pairs")
  public Map<String, List<IdPair>> get(@PathVariable String cycleId) {
    return Map.of(
        "locked", List.copyOf(adjustments.locked(cycleId)),
        "forbidden", List.copyOf(adjustments.forbidden(cycleId)));
  }

  @PostMapping("/locks")
  @Operation(summary = "Lock (hand-pair) two people: every run keeps them together")
  public Map<String, List<IdPair>> lock(
      @PathVariable String cycleId, @RequestBody RunController.@Nullable PairRequest request) {
    IdPair pair = pair(request);
    List<String> broken = runs.violations(cycleId, pair.first(), pair.second());
    if (!broken.isEmpty()) {
      throw new StateConflict("they cannot be partners: " + String.join("; ", broken), "second");
    }
    boolean taken =
        adjustments.locked(cycleId).stream()
            .anyMatch(p -> p.contains(pair.first()) || p.contains(pair.second()));
    if (taken) {
      throw new StateConflict("one of them is already locked with someone else", "first");
    }
    if (adjustments.forbidden(cycleId).contains(pair)) {
      throw new StateConflict("this pair is forbidden; allow it first", "second");
    }
    adjustments.lock(cycleId, pair);
    return get(cycleId);
  }

  @DeleteMapping("/locks")
  @Operation(summary = "Unlock a pair")
  public Map<String, List<IdPair>> unlock(
      @PathVariable String cycleId, @RequestBody RunController.@Nullable PairRequest request) {
    adjustments.unlock(cycleId, pair(request));
    return get(cycleId);
  }

  @PostMapping("/forbids")
  @Operation(summary = "Forbid a pair: no run will put them together")
  public Map<String, List<IdPair>> forbid(
      @PathVariable String cycleId, @RequestBody RunController.@Nullable PairRequest request) {
    IdPair pair = pair(request);
    if (adjustments.locked(cycleId).contains(pair)) {
      throw new StateConflict("this pair is locked; unlock it first", "second");
    }
    adjustments.forbid(cycleId, pair);
    return get(cycleId);
  }

  @DeleteMapping("/forbids")
  @Operation(summary = "Allow a forbidden pair again")
  public Map<String, List<IdPair>> allow(
      @PathVariable String cycleId, @RequestBody RunController.@Nullable PairRequest request) {
    adjustments.allow(cycleId, pair(request));
    return get(cycleId);
  }

  private static IdPair pair(RunController.@Nullable PairRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    String[] pair = request.require();
    if (pair[0].equals(pair[1])) {
      throw InvalidInput.of("second", "must be someone else than first");
    }
    return IdPair.of(pair[0], pair[1]);
  }
}
