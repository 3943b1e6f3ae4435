package org.penpals.contracts.prompts;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Nobody in a partnership answered the check-in a week after it was sent, or a partner reported
 * silence and nobody answered within the cycle's grace period: coordinators should look, and (for a
 * report) the reporter may ask matching for a new partner. Type {@code
 * org.penpals.prompts.partnership.quiet.v1}; key: partnership id.
 *
 * @param reason {@code NO_CHECK_IN} or {@code REPORTED}
 * @param reportId for {@code REPORTED}: the report whose grace period ran out
 * @param reportedBy for {@code REPORTED}: who reported the silence
 */
public record PartnershipQuiet(
    String partnershipId,
    String cycleId,
    String reason,
    Instant flaggedAt,
    @Nullable String reportId,
    @Nullable String reportedBy) {
  public PartnershipQuiet {
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(flaggedAt, "flaggedAt");
  }
}
