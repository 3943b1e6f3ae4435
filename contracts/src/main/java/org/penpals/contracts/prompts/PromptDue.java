package org.penpals.contracts.prompts;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant's prompt for a week is due now: send it. Type {@code
 * org.penpals.prompts.prompt.due.v1}; key: partnership id. Exactly one per (partnership,
 * participant, week), identified by {@code deliveryId}.
 *
 * @param deliveryId stable id of this (partnership, participant, week)
 * @param week 1-based week (or prompt number, for fortnightly cadence)
 * @param dueAt when it was due, in the participant's local hour
 * @param late it is being sent more than a day after it was due (after downtime)
 */
public record PromptDue(
    String deliveryId,
    String partnershipId,
    String cycleId,
    String participantId,
    int week,
    PromptContent prompt,
    Instant dueAt,
    boolean late) {
  public PromptDue {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
