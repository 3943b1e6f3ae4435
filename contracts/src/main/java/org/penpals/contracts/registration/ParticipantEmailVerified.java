package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * An applicant confirmed their email; from now on they can be matched. Type {@code
 * org.penpals.registration.participant.email-verified.v1}.
 */
public record ParticipantEmailVerified(
    String participantId, String cycleId, long revision, Instant verifiedAt) {
  public ParticipantEmailVerified {
    Contract.text(participantId, "participantId");
    Contract.text(cycleId, "cycleId");
    Contract.revision(revision);
    Objects.requireNonNull(verifiedAt, "verifiedAt");
  }
}
