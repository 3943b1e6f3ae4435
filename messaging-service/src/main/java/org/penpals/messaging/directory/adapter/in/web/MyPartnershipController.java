package org.penpals.messaging.directory.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.directory.application.MyPartnership;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.security.CurrentParticipant;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's partner card: the caller's current partnership and their partners' contact details.
 * The participant is the token's subject; there is no id in the URL to change.
 */
@RestController
@RequestMapping("/api/messaging/participants/me")
@Tag(name = "My partnership", description = "The partner card (participant token)")
@SecurityRequirement(name = "bearer")
public class MyPartnershipController {
  private final MyPartnership partnerships;

  public MyPartnershipController(MyPartnership partnerships) {
    this.partnerships = partnerships;
  }

  /**
   * A partner's card.
   *
   * @param country ISO 3166-1 alpha-2 country of work
   * @param timeZone IANA time zone (the portal shows their local time now)
   * @param language the partner's language for mail and portal (BCP 47)
   */
  public record PartnerView(
      String participantId,
      String name,
      String country,
      String organisation,
      String email,
      String timeZone,
      String language) {
    static PartnerView of(Recipient r) {
      return new PartnerView(
          r.participantId(),
          r.fullName(),
          r.countryCode(),
          r.organisation(),
          r.email(),
          r.timeZone(),
          r.locale());
    }
  }

  /**
   * My partnership.
   *
   * @param status {@code ACTIVE} (running) or {@code COMPLETED} (ended with its cycle)
   * @param completedAt when it ended with its cycle; null while active
   */
  public record PartnershipView(
      String partnershipId,
      String cycleId,
      MyPartnership.Status status,
      @Nullable Instant completedAt,
      List<PartnerView> partners) {}

  @GetMapping("/partnership")
  @Operation(
      summary = "My current partnership and my partners' cards",
      description =
          "The newest partnership I am in that was formed and not dissolved. `status` is"
              + " `ACTIVE` while it runs and `COMPLETED` (with `completedAt`) once it ended with"
              + " its cycle: the card stays, with \"your partnership has ended\". A pair has one"
              + " partner, a trio two. 404 before matching, on the waitlist, after withdrawal or"
              + " once the partnership was dissolved (until a new one is formed)."
              + " Participant tokens only: staff tokens get 403.")
  @ApiResponse(responseCode = "200", description = "My partnership")
  @ApiResponse(
      responseCode = "404",
      description = "No current partnership",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  public PartnershipView mine() {
    return partnerships
        .of(CurrentParticipant.id())
        .map(
            v ->
                new PartnershipView(
                    v.partnershipId(),
                    v.cycleId(),
                    v.status(),
                    v.completedAt(),
                    v.partners().stream().map(PartnerView::of).toList()))
        .orElseThrow(() -> new NotFound("current partnership"));
  }
}
