package org.penpals.matching.newpartner.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.newpartner.application.NewPartnerService;
import org.penpals.matching.newpartner.domain.NewPartnerRequest;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolMember;
import org.penpals.platform.domain.Rules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Coordinators see every request for a new partner and approve or decline those waiting. */
@RestController
@RequestMapping("/api/matching/cycles/{cycleId}/new-partner-requests")
@Tag(
    name = "New-partner requests",
    description = "Participants' requests for a new partner after a silence went unanswered")
@SecurityRequirement(name = "bearer")
public class NewPartnerRequestsController {
  private final NewPartnerService service;
  private final Pool pool;

  public NewPartnerRequestsController(NewPartnerService service, Pool pool) {
    this.service = service;
    this.pool = pool;
  }

  public record Member(String participantId, @Nullable String fullName) {}

  /** A request as staff see it. */
  public record RequestView(
      String requestId,
      String cycleId,
      String partnershipId,
      String participantId,
      @Nullable String fullName,
      List<Member> quietMembers,
      String reportId,
      NewPartnerRequest.Status status,
      Instant requestedAt,
      @Nullable Instant decidedAt,
      @Nullable String decidedBy,
      @Nullable String note) {}

  public record Decision(@Nullable String note) {}

  @GetMapping
  @Operation(summary = "Every request of the cycle for a new partner, oldest first")
  public List<RequestView> list(@PathVariable String cycleId) {
    return service.ofCycle(cycleId).stream().map(this::view).toList();
  }

  @PostMapping("/{requestId}/approve")
  @Operation(
      summary =
          "Approve a waiting request: the partnership ends (QUIET), the reporter is re-paired",
      description =
          "Body {\"note\": \"...\"} optional (up to 1000 characters). 404 (requestId) for an"
              + " unknown request; 409 (requestId) once decided or when its partnership has"
              + " already ended; 409 (cycleId) once the cycle has ended.")
  public RequestView approve(
      @PathVariable String cycleId,
      @PathVariable String requestId,
      @RequestBody(required = false) @Nullable Decision decision,
      Principal staff) {
    return view(service.approve(cycleId, requestId, staff.getName(), note(decision)));
  }

  @PostMapping("/{requestId}/decline")
  @Operation(
      summary = "Decline a waiting request: the partnership goes on",
      description =
          "Body {\"note\": \"...\"} optional (up to 1000 characters), shown to the participant."
              + " 404 (requestId) for an unknown request; 409 (requestId) once decided.")
  public RequestView decline(
      @PathVariable String cycleId,
      @PathVariable String requestId,
      @RequestBody(required = false) @Nullable Decision decision,
      Principal staff) {
    return view(service.decline(cycleId, requestId, staff.getName(), note(decision)));
  }

  private static @Nullable String note(@Nullable Decision decision) {
    Rules rules = new Rules();
    String note = rules.text(decision == null ? null : decision.note(), "note", 0, 1000);
    rules.throwIfAny();
    return note == null || note.isEmpty() ? null : note;
  }

  private RequestView view(NewPartnerRequest r) {
    return new RequestView(
        r.requestId(),
        r.cycleId(),
        r.partnershipId(),
        r.participantId(),
        name(r.participantId()),
        r.quietMembers().stream().map(id -> new Member(id, name(id))).toList(),
        r.reportId(),
        r.status(),
        r.requestedAt(),
        r.decidedAt(),
        r.decidedBy(),
        r.note());
  }

  private @Nullable String name(String participantId) {
    return pool.member(participantId).map(PoolMember::fullName).orElse(null);
  }
}
