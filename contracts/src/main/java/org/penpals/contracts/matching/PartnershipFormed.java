package org.penpals.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A partnership (a pair, or a group of three) was published. Type {@code
 * org.penpals.matching.partnership.formed.v1}; key: the partnership id.
 *
 * @param members two or three members
 * @param score the partnership's score (sum of its pairs' explained scores)
 * @param origin {@code INITIAL} (published with the cycle's matching), {@code LATE} (late
 *     applicants), {@code REPLACEMENT} (re-pairing after a partner left), {@code MANUAL} (staff)
 * @param runId the matching run it came from, or {@code manual}
 */
public record PartnershipFormed(
    String partnershipId,
    String cycleId,
    List<PartnershipMember> members,
    long score,
    String origin,
    String runId,
    Instant formedAt) {
  public PartnershipFormed {
    Check.text(partnershipId, "partnershipId");
    Check.text(cycleId, "cycleId");
    members = Check.list(members, "members");
    if (members.size() < 2 || members.size() > 3) {
      throw new IllegalArgumentException("a partnership has two or three members");
    }
    Check.text(origin, "origin");
    Check.text(runId, "runId");
    Objects.requireNonNull(formedAt, "formedAt");
  }
}
