package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * An applicant must confirm their email: messaging-service sends them a link carrying the token.
 * Type {@code org.penpals.registration.participant.verification-requested.v1}. The token is a
 * secret: consumers use it to build the link and never log or store it.
 *
 * @param participantId the application
 * @param cycleId the cycle applied to
 * @param email where to send the link
 * @param fullName how to greet the applicant
 * @param locale language of the mail
 * @param token single-use verification token
 * @param expiresAt when the token stops working
 */
public record ParticipantVerificationRequested(
    String participantId,
    String cycleId,
    String email,
    String fullName,
    String locale,
    String token,
    Instant expiresAt) {

  public ParticipantVerificationRequested {
    Contract.text(participantId, "participantId");
    Contract.text(cycleId, "cycleId");
    Contract.text(email, "email");
    Contract.text(fullName, "fullName");
    Contract.text(locale, "locale");
    Contract.text(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "ParticipantVerificationRequested[participantId="
        + participantId
        + ", cycleId="
        + cycleId
        + "]";
  }
}
