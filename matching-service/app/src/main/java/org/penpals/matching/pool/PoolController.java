package org.penpals.matching.pool;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.penpals.platform.domain.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What matching knows of a cycle's applicants, at a glance. */
@RestController
@RequestMapping("/api/matching/cycles/{cycleId}/pool")
@Tag(name = "Pool", description = "The cycle's applicants as matching sees them")
@SecurityRequirement(name = "bearer")
public class PoolController {
  private final Pool pool;

  public PoolController(Pool pool) {
    this.pool = pool;
  }

  public record Summary(
      String cycleId,
      String cycleStatus,
      int members,
      int matchable,
      Map<String, Integer> byStatus,
      Map<String, Integer> byPlacement) {}

  @GetMapping
  @Operation(summary = "How many applicants, how many can be matched, where they stand")
  public Summary summary(@PathVariable String cycleId) {
    PoolCycle cycle =
        pool.cycle(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
    List<PoolMember> members = pool.members(cycleId);
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byPlacement = new TreeMap<>();
    int matchable = 0;
    for (PoolMember m : members) {
      byStatus.merge(m.status(), 1, Integer::sum);
      byPlacement.merge(m.placement().name(), 1, Integer::sum);
      if (m.matchable()) {
        matchable++;
      }
    }
    return new Summary(
        cycleId, cycle.status().name(), members.size(), matchable, byStatus, byPlacement);
  }
}
