package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A participant left the cycle. Type {@code org.penpals.registration.participant.withdrawn.v1}.
 *
 * @param reason optional free text given by the participant
 */
public record ParticipantWithdrawn(
    String participantId,
    String cycleId,
    long revision,
    Instant withdrawnAt,
    @Nullable String reason) {
  public ParticipantWithdrawn {
    Contract.text(participantId, "participantId");
    Contract.text(cycleId, "cycleId");
    Contract.revision(revision);
    Objects.requireNonNull(withdrawnAt, "withdrawnAt");
  }
}
