package org.penpals.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A published partnership ended early. Type {@code org.penpals.matching.partnership.dissolved.v1};
 * key: the partnership id. Nothing more is sent to it; the remaining members may be re-paired (a
 * new {@link PartnershipFormed}).
 *
 * @param reason {@code WITHDRAWAL}, {@code ERASURE} or {@code STAFF}
 * @param leaving members who left
 * @param remaining members who stay in the programme
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
