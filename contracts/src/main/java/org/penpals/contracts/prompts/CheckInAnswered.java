package org.penpals.contracts.prompts;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant answered a check-in or survey. Type {@code
 * org.penpals.prompts.checkin.answered.v1}; key: partnership id.
 *
 * @param connected for the week-3 check-in: whether they have connected with their partner
 */
public record CheckInAnswered(
    String partnershipId,
    String cycleId,
    String participantId,
    String kind,
    int week,
    boolean connected,
    Instant answeredAt) {
  public CheckInAnswered {
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(answeredAt, "answeredAt");
  }
}
