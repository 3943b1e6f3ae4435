package org.penpals.contracts.prompts;

import java.time.Instant;
import java.util.Objects;

/**
 * Nobody in a partnership answered the check-in a week after it was sent (or a partner reported
 * silence and nothing happened in the grace period): coordinators should look. Type {@code
 * org.penpals.prompts.partnership.quiet.v1}; key: partnership id.
 *
 * @param reason {@code NO_CHECK_IN} or {@code REPORTED}
 */
public record PartnershipQuiet(
    String partnershipId, String cycleId, String reason, Instant flaggedAt) {
  public PartnershipQuiet {
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(flaggedAt, "flaggedAt");
  }
}
