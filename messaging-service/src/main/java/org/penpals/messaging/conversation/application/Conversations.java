package org.penpals.messaging.conversation.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.conversation.domain.Conversation;
import org.penpals.messaging.conversation.domain.Message;

/** Where threads live: one document per partnership. */
public interface Conversations {
  Optional<Conversation> find(String partnershipId);

  /**
   * Appends a message to the thread as read (optimistic lock on its version), with its {@code
   * MessagePosted} event; when {@code notifyAt} is given, also records that the others are notified
   * now, and what to notify, in the same write.
   *
   * @return false if the thread changed since it was read
   */
  boolean append(
      Conversation read, Message message, @Nullable Instant notifyAt, List<String> notify);

  /** The notification recorded at {@code at} has been turned into mails. */
  void notified(String partnershipId, Instant at);

  /** Notifications recorded but not (known to be) turned into mails: after a crash. */
  List<PendingNotification> pendingNotifications();

  /** Removes a participant's messages from these threads (erasure). */
  void erase(String participantId, Collection<String> partnershipIds);

  /** A notification to send. */
  record PendingNotification(
      String partnershipId, String cycleId, String authorId, List<String> recipients, Instant at) {}
}
