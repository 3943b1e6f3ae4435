package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.registration.participant.application.ApplyService;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.Sector;
import org.penpals.registration.participant.domain.SectorPreference;
import org.penpals.registration.participant.domain.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registration")
@Tag(
    name = "Applying",
    description = "Public: the form's vocabularies, applying, confirming the email")
public class PublicApplicationController {
  private final ApplyService apply;
  private final Clock clock;

  public PublicApplicationController(ApplyService apply, Clock clock) {
    this.apply = apply;
    this.clock = clock;
  }

  public record Option(String id, String label) {}

  public record TaxonomyView(
      List<Option> sectors,
      List<Option> interests,
      List<String> sectorPreferences,
      List<String> locales) {}

  @GetMapping("/taxonomy")
  @Operation(summary = "Sectors, interests and locales the application form offers")
  public TaxonomyView taxonomy() {
    return new TaxonomyView(
        Arrays.stream(Sector.values()).map(s -> new Option(s.name(), s.label())).toList(),
        Taxonomy.interests().entrySet().stream()
            .map(e -> new Option(e.getKey(), e.getValue()))
            .toList(),
        Arrays.stream(SectorPreference.values()).map(Enum::name).toList(),
        Taxonomy.LOCALES);
  }

  /** What the applicant learns: their application's id and standing. */
  public record Applied(String id, String cycleId, String status, String admission) {}

  @PostMapping("/cycles/{cycleId}/applications")
  @Operation(
      summary = "Apply to an open cycle",
      description =
          "Creates the application and mails a verification link. One application per email"
              + " and cycle. Over capacity or over the country cap the applicant is waitlisted.")
  public ResponseEntity<Applied> apply(
      @PathVariable String cycleId, @RequestBody @Nullable ApplicationRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    Participant p = apply.apply(cycleId, request.toForm(clock.instant()));
    return ResponseEntity.created(URI.create("/api/registration/participants/me"))
        .body(new Applied(p.id(), p.cycleId(), p.status().name(), p.admission().name()));
  }

  public record VerificationRequest(@Nullable String token) {}

  @PostMapping("/verifications")
  @Operation(summary = "Confirm an email with the token from the mailed link (single use)")
  public Map<String, String> verify(@RequestBody @Nullable VerificationRequest request) {
    Participant p = apply.verify(request == null ? "" : request.token());
    return Map.of("participantId", p.id(), "status", p.status().name());
  }

  public record ResendRequest(@Nullable String cycleId, @Nullable String email) {}

  @PostMapping("/verifications/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Mail a new verification link",
      description = "Always 202, whether or not the email applied: nobody learns who applied.")
  public void resend(@RequestBody @Nullable ResendRequest request) {
    var rules = new org.penpals.platform.domain.Rules();
    rules.text(request == null ? null : request.cycleId(), "cycleId", 1, 64);
    rules.text(request == null ? null : request.email(), "email", 3, 254);
    rules.throwIfAny();
    apply.resendVerification(request.cycleId(), request.email());
  }
}
