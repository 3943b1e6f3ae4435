package org.penpals.contracts.prompts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A participant reported that their partner has gone quiet, and the quiet partner(s) are to be sent
 * a friendly reminder (at most one per partnership per week). Type {@code
 * org.penpals.prompts.partner.reminded.v1}; key: the partnership id. Messaging mails each member in
 * {@code reminded}; its {@code MailSent} / {@code MailFailed} tell prompt-service how it went.
 *
 * @param reportId the report that caused the reminder
 * @param reportedBy who reported the silence (not reminded)
 * @param reminded the members to remind
 * @param answerBy end of the report's grace period: if nobody answers by then, the reporter may ask
 *     for a new partner
 */
public record PartnerReminded(
    String partnershipId,
    String cycleId,
    String reportId,
    String reportedBy,
    List<String> reminded,
    Instant answerBy,
    Instant remindedAt) {
  public PartnerReminded {
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(reportedBy, "reportedBy");
    reminded = List.copyOf(Objects.requireNonNull(reminded, "reminded"));
    Objects.requireNonNull(answerBy, "answerBy");
    Objects.requireNonNull(remindedAt, "remindedAt");
  }
}
