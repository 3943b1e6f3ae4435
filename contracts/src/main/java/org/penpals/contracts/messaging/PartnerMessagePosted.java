package org.penpals.contracts.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant wrote to their partner in the portal (the text stays in messaging). Type {@code
 * org.penpals.messaging.message.posted.v1}; key: partnership id. Engagement figures count these.
 */
public record PartnerMessagePosted(
    String messageId, String partnershipId, String cycleId, String authorId, Instant postedAt) {
  public PartnerMessagePosted {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(postedAt, "postedAt");
  }
}
