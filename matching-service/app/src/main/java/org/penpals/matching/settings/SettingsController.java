package org.penpals.matching.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/matching/cycles/{cycleId}/settings")
@Tag(
    name = "Settings",
    description = "How a cycle is matched: weights, leftovers, late changes, quiet partners")
@SecurityRequirement(name = "bearer")
public class SettingsController {
  private final SettingsStore store;

  public SettingsController(SettingsStore store) {
    this.store = store;
  }

  @GetMapping
  @Operation(summary = "The cycle's matching settings (defaults until staff change them)")
  public MatchingSettings get(@PathVariable String cycleId) {
    return store.get(cycleId);
  }

  @PutMapping
  @Operation(summary = "Change the cycle's matching settings; omitted fields take defaults")
  public MatchingSettings put(
      @PathVariable String cycleId, @RequestBody MatchingSettings.@Nullable Request request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    MatchingSettings settings = request.toSettings();
    store.put(cycleId, settings);
    return settings;
  }
}
