package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.registration.participant.application.SignInService;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: the portal's sign-in by emailed one-time link. The portal asks for a link with the email
 * a person typed, and later redeems the token from the link it opened; it then keeps the session
 * and calls the services with participant tokens.
 */
@RestController
@RequestMapping("/api/registration/sign-in-links")
@Tag(
    name = "Signing in",
    description = "Public: one-time sign-in links mailed to verified participants (the portal)")
public class SignInLinkController {
  private final SignInService signIn;

  public SignInLinkController(SignInService signIn) {
    this.signIn = signIn;
  }

  public record LinkRequest(@Nullable String email) {}

  /** The same answer whatever happened, so nobody learns whether an email is registered. */
  public record Requested(String status, String message) {
    static final Requested ALWAYS =
        new Requested(
            "ACCEPTED",
            "If this email belongs to a participant, a sign-in link is on its way to it.");
  }

  public record RedemptionRequest(@Nullable String token) {}

  /** Who signed in: the portal starts their session with it. */
  public record SignedIn(String participantId, String cycleId, String language, String name) {
    static SignedIn of(Participant p) {
      Profile profile = p.profile();
      if (profile == null) {
        throw new SignInService.LinkGone();
      }
      return new SignedIn(p.id(), p.cycleId(), profile.locale(), profile.fullName());
    }
  }

  @PostMapping
  @Operation(
      summary = "Mail me a sign-in link",
      description =
          "Always 202 with the same body, whether or not the email belongs to a participant."
              + " If it belongs to a verified participant (not withdrawn or erased; the newest"
              + " cycle they are verified in), a single-use link valid for 15 minutes (by default)"
              + " is mailed to it. At most 5 links per email and hour are sent; more requests are"
              + " answered the same but send nothing. Rate-limited per client (429).")
  @ApiResponse(responseCode = "202", description = "Accepted (whatever the email)")
  @ApiResponse(
      responseCode = "400",
      description = "`email` is missing or not an email address",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  public ResponseEntity<Requested> request(@RequestBody @Nullable LinkRequest request) {
    signIn.request(request == null ? null : request.email());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Requested.ALWAYS);
  }

  @PostMapping("/redemptions")
  @Operation(
      summary = "Use a sign-in link's token",
      description =
          "Exactly once per link, before it expires, while its participant is still verified."
              + " A used, expired or unknown token answers 410 (`sign-in-link-gone`), all alike.")
  @ApiResponse(responseCode = "200", description = "Signed in: who the participant is")
  @ApiResponse(
      responseCode = "400",
      description = "`token` is missing or cannot be a sign-in token",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "410",
      description = "Used or expired sign-in link (also an unknown one)",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  public SignedIn redeem(@RequestBody @Nullable RedemptionRequest request) {
    if (request == null) {
      throw InvalidInput.of("token", "is required");
    }
    return SignedIn.of(signIn.redeem(request.token()));
  }
}
