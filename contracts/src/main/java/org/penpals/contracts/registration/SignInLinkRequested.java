package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant asked to sign in to the portal: messaging-service mails them a one-time link
 * carrying the token. Type {@code org.penpals.registration.participant.sign-in-link-requested.v1}
 * on {@code penpals.registration.sign-in-links.v1}, keyed by participant id. The token is a secret:
 * consumers use it to build the link and never log or store it.
 *
 * @param participantId who signs in
 * @param cycleId the cycle of that participant's application
 * @param email where to send the link
 * @param fullName how to greet the participant
 * @param language language of the mail (BCP 47, e.g. {@code en})
 * @param token single-use sign-in token (256-bit, base64url)
 * @param expiresAt when the link stops working
 */
public record SignInLinkRequested(
    String participantId,
    String cycleId,
    String email,
    String fullName,
    String language,
    String token,
    Instant expiresAt) {

  public SignInLinkRequested {
    Contract.text(participantId, "participantId");
    Contract.text(cycleId, "cycleId");
    Contract.text(email, "email");
    Contract.text(fullName, "fullName");
    Contract.text(language, "language");
    Contract.text(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "SignInLinkRequested[participantId=" + participantId + ", cycleId=" + cycleId + "]";
  }
}
