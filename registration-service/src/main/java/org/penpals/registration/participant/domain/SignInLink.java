package org.penpals.registration.participant.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time link to sign in to the portal. Only the SHA-256 of its token is kept; the token itself
 * travels once, in the mail.
 *
 * @param tokenHash hex SHA-256 of the token
 * @param participantId who signs in with it
 * @param cycleId the cycle of that participant's application
 * @param expiresAt when it stops working
 */
public record SignInLink(
    String tokenHash, String participantId, String cycleId, Instant expiresAt) {

  public SignInLink {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the link still works at {@code now}. */
  public boolean validAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
