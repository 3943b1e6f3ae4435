package org.penpals.messaging.conversation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.penpals.messaging.conversation.domain.Conversation;
import org.penpals.messaging.conversation.domain.Message;
import org.penpals.messaging.directory.application.Directory;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.mail.application.ProgrammeMail;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;

/**
 * Partners writing to each other. Only members of a partnership see or add to its thread (others
 * get "not found", so they cannot even learn it exists); each post notifies the other partners by
 * mail, at most once per hour and thread.
 */
public class ConversationService {
  private final Conversations conversations;
  private final Directory directory;
  private final ProgrammeMail mail;
  private final Clock clock;

  public ConversationService(
      Conversations conversations, Directory directory, ProgrammeMail mail, Clock clock) {
    this.conversations = conversations;
    this.directory = directory;
    this.mail = mail;
    this.clock = clock;
  }

  /** A partner as the other members see them. */
  public record Partner(String participantId, String name) {}

  /** One of a participant's threads. */
  public record Summary(
      String partnershipId, String cycleId, boolean active, List<Partner> partners, int messages) {}

  public List<Summary> mine(String participantId) {
    List<Summary> mine = new ArrayList<>();
    for (String id : directory.partnershipsOf(participantId)) {
      directory
          .partnership(id)
          .filter(p -> p.hasMember(participantId))
          .ifPresent(
              p ->
                  mine.add(
                      new Summary(
                          p.partnershipId(),
                          p.cycleId(),
                          p.active(),
                          p.partnersOf(participantId).stream()
                              .map(
                                  other ->
                                      new Partner(
                                          other,
                                          directory
                                              .recipient(other)
                                              .map(Recipient::fullName)
                                              .orElse("")))
                              .toList(),
                          conversations
                              .find(p.partnershipId())
                              .map(c -> c.messages().size())
                              .orElse(0))));
    }
    return mine;
  }

  public List<Message> read(String participantId, String partnershipId) {
    Partnership p = membership(participantId, partnershipId);
    return conversations.find(p.partnershipId()).map(Conversation::messages).orElse(List.of());
  }

  public Message post(String participantId, String partnershipId, String text) {
    Instant now = clock.instant();
    Message message = Message.write(UUID.randomUUID().toString(), participantId, text, now);
    Partnership p = membership(participantId, partnershipId);
    if (p.dissolved()) {
      throw new StateConflict("this partnership has ended: its thread is read-only");
    }
    List<String> others = p.partnersOf(participantId);
    for (int attempt = 0; attempt < 10; attempt++) {
      Conversation thread =
          conversations.find(partnershipId).orElse(Conversation.empty(partnershipId, p.cycleId()));
      if (thread.full()) {
        throw new StateConflict(
            "this thread has reached " + Conversation.MAX_MESSAGES + " messages", "text");
      }
      boolean notify = thread.notifies(now);
      if (conversations.append(thread, message, notify ? now : null, others)) {
        if (notify) {
          notify(
              new Conversations.PendingNotification(
                  partnershipId, p.cycleId(), participantId, others, now));
        }
        return message;
      }
    }
    throw new StateConflict("the thread is busy; try again");
  }

  /** Turns notifications a crash left recorded but unsent into mails. */
  public int recoverNotifications() {
    List<Conversations.PendingNotification> pending = conversations.pendingNotifications();
    pending.forEach(this::notify);
    return pending.size();
  }

  private void notify(Conversations.PendingNotification n) {
    mail.partnerWrote(
        n.partnershipId(), n.cycleId(), n.authorId(), n.recipients(), n.at().getEpochSecond());
    conversations.notified(n.partnershipId(), n.at());
  }

  public void erase(String participantId, Collection<String> partnershipIds) {
    conversations.erase(participantId, partnershipIds);
  }

  private Partnership membership(String participantId, String partnershipId) {
    return directory
        .partnership(partnershipId)
        .filter(p -> p.hasMember(participantId))
        .orElseThrow(() -> new NotFound("conversation", "partnershipId"));
  }
}
