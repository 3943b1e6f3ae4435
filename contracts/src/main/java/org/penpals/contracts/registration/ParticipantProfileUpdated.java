package org.penpals.contracts.registration;

import java.util.Objects;

/**
 * A participant (or staff) changed the application before matching; carries the whole new profile.
 * Type {@code org.penpals.registration.participant.profile-updated.v1}.
 */
public record ParticipantProfileUpdated(
    String participantId, String cycleId, long revision, ParticipantProfile profile) {
  public ParticipantProfileUpdated {
    Contract.text(participantId, "participantId");
    Contract.text(cycleId, "cycleId");
    Contract.revision(revision);
    Objects.requireNonNull(profile, "profile");
  }
}
