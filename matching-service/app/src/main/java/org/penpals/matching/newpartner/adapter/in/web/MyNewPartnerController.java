package org.penpals.matching.newpartner.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.newpartner.application.NewPartnerService;
import org.penpals.matching.newpartner.domain.NewPartnerRequest;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.security.CurrentParticipant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A participant asks for a new partner after their reported silence went unanswered. */
@RestController
@RequestMapping(MyNewPartnerController.PATH)
@Tag(
    name = "New partner (participant)",
    description = "Ask for a new partner once a silence you reported went unanswered")
@SecurityRequirement(name = "bearer")
public class MyNewPartnerController {
  static final String PATH = "/api/matching/participants/me/new-partner";

  private final NewPartnerService service;

  public MyNewPartnerController(NewPartnerService service) {
    this.service = service;
  }

  /** A request as its participant sees it. */
  public record MyRequest(
      String requestId,
      NewPartnerRequest.Status status,
      Instant requestedAt,
      @Nullable Instant decidedAt,
      @Nullable String note) {
    static MyRequest of(NewPartnerRequest r) {
      return new MyRequest(r.requestId(), r.status(), r.requestedAt(), r.decidedAt(), r.note());
    }
  }

  @PostMapping
  @Operation(
      summary = "Ask for a new partner",
      description =
          "Allowed once a silence you reported in your active partnership went unanswered for the"
              + " cycle's grace period. Depending on the cycle it is carried out at once (ACCEPTED:"
              + " the partnership ends, you are re-paired) or waits for a coordinator"
              + " (AWAITING_APPROVAL). 201 with the new request; asking again answers the same"
              + " request (200). 404 (partnership) without an active partnership; 409"
              + " (partnership) before the grace period is over, without an unanswered report of"
              + " yours, or once the cycle has ended.")
  public ResponseEntity<MyRequest> ask() {
    NewPartnerService.Asked asked = service.ask(CurrentParticipant.id());
    MyRequest body = MyRequest.of(asked.request());
    return asked.created()
        ? ResponseEntity.created(URI.create(PATH)).body(body)
        : ResponseEntity.ok(body);
  }

  @GetMapping
  @Operation(summary = "Your latest request for a new partner (404 if you never asked)")
  public MyRequest latest() {
    return service
        .latest(CurrentParticipant.id())
        .map(MyRequest::of)
        .orElseThrow(() -> new NotFound("new-partner request"));
  }
}
