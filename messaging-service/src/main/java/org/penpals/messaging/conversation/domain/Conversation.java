package org.penpals.messaging.conversation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The thread of one partnership.
 *
 * @param notifiedAt when the other partners were last notified by mail (at most once per {@link
 *     #NOTIFY_AT_MOST_EVERY})
 * @param version optimistic lock; 0 for a thread nobody has written to yet
 */
public record Conversation(
    String partnershipId,
    String cycleId,
    List<Message> messages,
    @Nullable Instant notifiedAt,
    long version) {
  public static final Duration NOTIFY_AT_MOST_EVERY = Duration.ofHours(1);
  public static final int MAX_MESSAGES = 1000;

  public Conversation {
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    messages = List.copyOf(messages);
  }

  public static Conversation empty(String partnershipId, String cycleId) {
    return new Conversation(partnershipId, cycleId, List.of(), null, 0);
  }

  /** Whether a message posted now should notify the other partners. */
  public boolean notifies(Instant now) {
    return notifiedAt == null || !now.isBefore(notifiedAt.plus(NOTIFY_AT_MOST_EVERY));
  }

  public boolean full() {
    return messages.size() >= MAX_MESSAGES;
  }
}
