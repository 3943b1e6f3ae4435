package org.penpals.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A partnership ran to the end of its cycle. Type {@code
 * org.penpals.matching.partnership.completed.v1}; key: the partnership id. Nothing more is sent to
 * it; its members are thanked and asked for the final survey.
 *
 * @param members the members at the end
 */
public record PartnershipCompleted(
    String partnershipId, String cycleId, List<String> members, Instant completedAt) {
  public PartnershipCompleted {
    Check.text(partnershipId, "partnershipId");
    Check.text(cycleId, "cycleId");
    members = Check.list(members, "members");
    Objects.requireNonNull(completedAt, "completedAt");
  }
}
