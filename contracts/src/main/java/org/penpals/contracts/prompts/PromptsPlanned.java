package org.penpals.contracts.prompts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A new partnership's prompts are scheduled. Type {@code org.penpals.prompts.schedule.planned.v1};
 * key: partnership id. Messaging sends the introductions with the first prompt when it has this and
 * the {@code PartnershipFormed}.
 *
 * @param members each member with when their first prompt is due (their own local hour)
 * @param first the first prompt
 * @param weeks how many prompts the partnership will get
 */
public record PromptsPlanned(
    String partnershipId,
    String cycleId,
    List<PlannedMember> members,
    PromptContent first,
    int weeks) {
  public PromptsPlanned {
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    members = List.copyOf(Objects.requireNonNull(members, "members"));
    Objects.requireNonNull(first, "first");
  }

  public record PlannedMember(String participantId, Instant firstDueAt) {}
}
