package org.penpals.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mail could not be delivered and will not be retried (e.g. the address does not exist). Type
 * {@code org.penpals.messaging.mail.failed.v1}; key: mail id.
 *
 * @param partnershipId the partnership the mail is about, when there is one
 */
public record MailFailed(
    String mailId,
    String kind,
    @Nullable String participantId,
    @Nullable String cycleId,
    @Nullable String partnershipId,
    String reason,
    Instant failedAt) {
  public MailFailed {
    Objects.requireNonNull(mailId, "mailId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(failedAt, "failedAt");
  }
}
