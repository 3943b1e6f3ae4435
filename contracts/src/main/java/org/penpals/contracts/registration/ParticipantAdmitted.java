package org.penpals.contracts.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * A waitlisted applicant was given a place in the cycle. Type {@code
 * org.penpals.registration.participant.admitted.v1}; key: the participant id. Matching may now pair
 * them (mid-cycle: with the remaining weeks); messaging tells them.
 *
 * @param route whether staff admitted them or a freed place did
 */
public record ParticipantAdmitted(
    String participantId, String cycleId, long revision, AdmissionRoute route, Instant admittedAt) {
  public ParticipantAdmitted {
    Contract.text(participantId, "participantId");
    Contract.text(cycleId, "cycleId");
    Contract.revision(revision);
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(admittedAt, "admittedAt");
  }
}
