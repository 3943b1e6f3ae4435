package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.Rules;
import org.penpals.platform.security.CurrentParticipant;
import org.penpals.registration.participant.application.SelfService;
import org.penpals.registration.participant.domain.Participant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A participant's own application. Every endpoint acts on the token's subject: there is no id in
 * these URLs to change.
 */
@RestController
@RequestMapping("/api/registration/participants/me")
@Tag(name = "My application", description = "Participant self-service (participant token)")
@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "bearer")
public class ParticipantController {
  private final SelfService self;
  private final Clock clock;

  public ParticipantController(SelfService self, Clock clock) {
    this.self = self;
    this.clock = clock;
  }

  @GetMapping
  @Operation(
      summary = "My application",
      description =
          "With where it stands: admittedAt and admissionRoute while it holds a place,"
              + " waitlistPosition (1 = next) while it waits, and the cycle's name, status and"
              + " dates (partnershipStartsOn, lastWeekEndsOn).")
  public MyApplicationView me() {
    return MyApplicationView.of(self.overview(CurrentParticipant.id()));
  }

  @PutMapping
  @Operation(summary = "Edit my application (until matching starts; the email stays)")
  public ParticipantView update(@RequestBody @Nullable ProfileRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    String id = CurrentParticipant.id();
    Participant current = self.me(id);
    if (current.profile() == null) {
      throw InvalidInput.of("body", "there is no profile to edit");
    }
    return ParticipantView.of(self.update(id, request.toProfile(current.profile().email())));
  }

  public record WithdrawalRequest(@Nullable String reason) {}

  @PostMapping("/withdrawal")
  @Operation(summary = "Withdraw from the cycle")
  public ParticipantView withdraw(
      @RequestBody(required = false) @Nullable WithdrawalRequest request) {
    String reason = request == null ? null : request.reason();
    if (reason != null) {
      Rules rules = new Rules();
      reason = rules.text(reason, "reason", 0, 500);
      rules.throwIfAny();
    }
    return ParticipantView.of(self.withdraw(CurrentParticipant.id(), reason));
  }

  @GetMapping("/export")
  @Operation(summary = "Everything held about me, as JSON (a download)")
  public ResponseEntity<Map<String, Object>> export() {
    Participant p = self.me(CurrentParticipant.id());
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("exportedAt", clock.instant());
    export.put("service", "registration-service");
    export.put("application", ParticipantView.of(p));
    if (p.consent() != null) {
      export.put("consent", p.consent());
    }
    export.put("withdrawalReason", p.withdrawalReason());
    export.put(
        "note",
        "Your email address is also stored as a keyed hash so that a future application can be"
            + " recognised as a returning participant. Erasing your data removes it.");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"penpals-my-data.json\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(export);
  }

  @DeleteMapping
  @Operation(summary = "Erase my personal data (and withdraw)")
  public ResponseEntity<Void> erase() {
    self.erase(CurrentParticipant.id());
    return ResponseEntity.noContent().build();
  }
}
