package org.penpals.prompt.partnership.application;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.penpals.prompt.partnership.domain.Member;

/** Matching formed a partnership (from {@code PartnershipFormed}). */
public record Formed(
    String partnershipId, String cycleId, List<Member> members, String origin, Instant formedAt) {
  public Formed {
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    members = List.copyOf(members);
    if (members.size() < 2 || members.size() > 3) {
      throw new IllegalArgumentException("a partnership has two or three members");
    }
    for (Member m : members) {
      if (m.timeZone() == null) {
        throw new IllegalArgumentException("member " + m.participantId() + " has no time zone");
      }
      ZoneId.of(m.timeZone()); // an unknown zone is refused here, not at the first prompt
    }
  }
}
