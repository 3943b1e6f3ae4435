package org.penpals.registration.cycle.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.penpals.registration.cycle.application.ApplicantCounts;
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.cycle.application.CycleService;
import org.penpals.registration.cycle.domain.Cycle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registration/cycles")
@Tag(name = "Cycles", description = "Programme cycles and their lifecycle (staff)")
public class CycleController {
  private final CycleService cycles;
  private final CycleRepository repository;
  private final ApplicantCounts applicants;

  public CycleController(
      CycleService cycles, CycleRepository repository, ApplicantCounts applicants) {
    this.cycles = cycles;
    this.repository = repository;
    this.applicants = applicants;
  }

  @GetMapping("/open")
  @Operation(summary = "Cycles taking applications now (public)")
  public List<CycleView.Public> open() {
    return cycles.openNow().stream().map(CycleView.Public::of).toList();
  }

  @GetMapping
  @Operation(summary = "All cycles, newest first", security = @SecurityRequirement(name = "bearer"))
  public List<CycleView> all() {
    return cycles.all().stream().map(this::view).toList();
  }

  @GetMapping("/{cycleId}")
  @Operation(summary = "One cycle", security = @SecurityRequirement(name = "bearer"))
  public CycleView get(@PathVariable String cycleId) {
    return view(cycles.get(cycleId));
  }

  @PostMapping
  @Operation(summary = "Create a cycle in draft", security = @SecurityRequirement(name = "bearer"))
  public ResponseEntity<CycleView> create(@RequestBody CycleRequest request) {
    Cycle cycle = cycles.create(request.toSettings());
    return ResponseEntity.created(URI.create("/api/registration/cycles/" + cycle.id()))
        .body(view(cycle));
  }

  @PutMapping("/{cycleId}")
  @Operation(
      summary = "Change a cycle's settings (until matching starts)",
      security = @SecurityRequirement(name = "bearer"))
  public CycleView edit(@PathVariable String cycleId, @RequestBody CycleRequest request) {
    return view(cycles.edit(cycleId, request.toSettings()));
  }

  @PostMapping("/{cycleId}/open")
  @Operation(summary = "Open registration", security = @SecurityRequirement(name = "bearer"))
  public CycleView open(@PathVariable String cycleId) {
    return view(cycles.open(cycleId));
  }

  @PostMapping("/{cycleId}/close")
  @Operation(summary = "Close registration", security = @SecurityRequirement(name = "bearer"))
  public CycleView close(@PathVariable String cycleId) {
    return view(cycles.close(cycleId));
  }

  @PostMapping("/{cycleId}/archive")
  @Operation(
      summary = "Archive a completed cycle",
      description =
          "COMPLETED → ARCHIVED (event CycleArchived): the cycle becomes read-only (no admissions,"
              + " no announcements). 409 unless the cycle is COMPLETED.",
      security = @SecurityRequirement(name = "bearer"))
  public CycleView archive(@PathVariable String cycleId) {
    return view(cycles.archive(cycleId));
  }

  private CycleView view(Cycle cycle) {
    return CycleView.of(
        cycle, repository.occupancy(cycle.id()), applicants.countWaitlisted(cycle.id()));
  }
}
