package org.penpals.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A published partnership ended early. Type {@code org.penpals.matching.partnership.dissolved.v1};
 * key: the partnership id. Nothing more is sent to it; the remaining members may be re-paired (a
 * new {@link PartnershipFormed}).
 *
 * @param reason {@code WITHDRAWAL}, {@code ERASURE}, {@code STAFF}, or {@code QUIET} (a member
 *     asked for a new partner after a reported silence went unanswered for the cycle's grace
 *     period)
 * @param leaving members who left (for {@code QUIET}: the silent members, who stay in the cycle
 *     without a partner and are not re-paired automatically)
 * @param remaining members who stay in the programme and are re-paired
 */
public record PartnershipDissolved(
    String partnershipId,
    String cycleId,
    String reason,
    List<String> leaving,
    List<String> remaining,
    Instant dissolvedAt) {
  public PartnershipDissolved {
    Check.text(partnershipId, "partnershipId");
    Check.text(cycleId, "cycleId");
    Check.text(reason, "reason");
    leaving = Check.list(leaving, "leaving");
    remaining = Check.list(remaining, "remaining");
    Objects.requireNonNull(dissolvedAt, "dissolvedAt");
  }
}
