package org.penpals.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP server accepted a programme mail. Type {@code org.penpals.messaging.mail.sent.v1}; key:
 * mail id. No address, no content.
 *
 * @param kind {@code VERIFICATION}, {@code SIGN_IN}, {@code INTRODUCTION}, {@code PROMPT}, {@code
 *     PARTNER_MESSAGE}, {@code REMINDER}, ... (messaging's mail kinds, docs/events.md)
 * @param participantId the recipient, when a participant
 * @param cycleId the cycle, when known
 * @param partnershipId the partnership the mail is about, when there is one
 */
public record MailSent(
    String mailId,
    String kind,
    @Nullable String participantId,
    @Nullable String cycleId,
    @Nullable String partnershipId,
    Instant sentAt) {
  public MailSent {
    Objects.requireNonNull(mailId, "mailId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sentAt, "sentAt");
  }
}
