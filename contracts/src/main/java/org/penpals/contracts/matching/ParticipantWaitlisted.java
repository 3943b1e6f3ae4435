package org.penpals.contracts.matching;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant could not be given a partner when matches were published. Type {@code
 * org.penpals.matching.participant.waitlisted.v1}; key: the participant id.
 *
 * @param reason {@code NO_VALID_PARTNER} (no one they may be paired with) or {@code ODD_ONE_OUT}
 */
public record ParticipantWaitlisted(
    String participantId, String cycleId, String reason, String runId, Instant waitlistedAt) {
  public ParticipantWaitlisted {
    Check.text(participantId, "participantId");
    Check.text(cycleId, "cycleId");
    Check.text(reason, "reason");
    Check.text(runId, "runId");
    Objects.requireNonNull(waitlistedAt, "waitlistedAt");
  }
}
