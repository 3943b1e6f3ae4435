package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant's personal data was erased. Every service holding a copy of it must delete it on
 * receipt. Type {@code org.penpals.registration.participant.erased.v1}.
 */
public record ParticipantErased(
    String participantId, String cycleId, long revision, Instant erasedAt) {
  public ParticipantErased {
    Contract.text(participantId, "participantId");
    Contract.text(cycleId, "cycleId");
    Contract.revision(revision);
    Objects.requireNonNull(erasedAt, "erasedAt");
  }
}
