package org.penpals.messaging.conversation.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.messaging.PartnerMessagePosted;
import org.penpals.messaging.conversation.application.Conversations;
import org.penpals.messaging.conversation.domain.Conversation;
import org.penpals.messaging.conversation.domain.Message;
import org.penpals.platform.outbox.Outbox;

/**
 * Threads in {@code conversations}, one document per partnership ({@code _id} = partnership id)
 * holding its messages, its version (optimistic lock), when partners were last notified, a pending
 * notification until it became mails, and its outbox ({@code MessagePosted}, no text).
 */
public class MongoConversations implements Conversations {
  public static final String COLLECTION = "conversations";

  private final MongoCollection<Document> threads;
  private final Outbox outbox;

  public MongoConversations(MongoDatabase database, Outbox outbox) {
    this.threads = database.getCollection(COLLECTION);
    this.outbox = outbox;
  }

  @Override
  public Optional<Conversation> find(String partnershipId) {
    return Optional.ofNullable(threads.find(eq("_id", partnershipId)).first())
        .map(MongoConversations::conversation);
  }

  @Override
  public boolean append(
      Conversation read, Message message, @Nullable Instant notifyAt, List<String> notify) {
    PartnerMessagePosted posted =
        new PartnerMessagePosted(
            message.id(),
            read.partnershipId(),
            read.cycleId(),
            message.authorId(),
            message.postedAt());
    Document pending =
        notifyAt == null
            ? null
            : new Document("at", Date.from(notifyAt))
                .append("authorId", message.authorId())
                .append("recipients", notify);
    if (read.version() == 0) {
      Document doc =
          new Document("_id", read.partnershipId())
              .append("cycleId", read.cycleId())
              .append("version", 1L)
              .append("messages", List.of(message(message)));
      if (pending != null) {
        doc.append("notifiedAt", Date.from(notifyAt)).append("pendingNotification", pending);
      }
      try {
        threads.insertOne(outbox.attach(doc, List.of(posted)));
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
      outbox.inserted(COLLECTION, doc);
      return true;
    }
    List<Bson> changes = new ArrayList<>();
    changes.add(Updates.push("messages", message(message)));
    changes.add(Updates.inc("version", 1L));
    if (pending != null) {
      changes.add(Updates.set("notifiedAt", Date.from(notifyAt)));
      changes.add(Updates.set("pendingNotification", pending));
    }
    changes.add(outbox.append(List.of(posted)));
    boolean appended =
        threads
                .updateOne(
                    and(eq("_id", read.partnershipId()), eq("version", read.version())),
                    Updates.combine(changes))
                .getModifiedCount()
            == 1;
    if (appended) {
      outbox.written(COLLECTION, read.partnershipId());
    }
    return appended;
  }

  @Override
  public void notified(String partnershipId, Instant at) {
    threads.updateOne(
        and(eq("_id", partnershipId), eq("pendingNotification.at", Date.from(at))),
        Updates.unset("pendingNotification"));
  }

  @Override
  public List<PendingNotification> pendingNotifications() {
    List<PendingNotification> pending = new ArrayList<>();
    threads
        .find(exists("pendingNotification"))
        .projection(new Document("cycleId", 1).append("pendingNotification", 1))
        .forEach(
            d -> {
              Document n = d.get("pendingNotification", Document.class);
              pending.add(
                  new PendingNotification(
                      d.getString("_id"),
                      d.getString("cycleId"),
                      n.getString("authorId"),
                      n.getList("recipients", String.class),
                      n.getDate("at").toInstant()));
            });
    return pending;
  }

  @Override
  public void erase(String participantId, Collection<String> partnershipIds) {
    for (String partnershipId : partnershipIds) {
      threads.updateOne(
          eq("_id", partnershipId),
          Updates.combine(
              Updates.pull("messages", new Document("authorId", participantId)),
              Updates.inc("version", 1L)));
    }
  }

  private static Document message(Message m) {
    return new Document("id", m.id())
        .append("authorId", m.authorId())
        .append("text", m.text())
        .append("postedAt", Date.from(m.postedAt()));
  }

  private static Conversation conversation(Document d) {
    List<Message> messages = new ArrayList<>();
    for (Document m : d.getList("messages", Document.class, List.of())) {
      messages.add(
          new Message(
              m.getString("id"),
              m.getString("authorId"),
              m.getString("text"),
              m.getDate("postedAt").toInstant()));
    }
    Date notifiedAt = d.getDate("notifiedAt");
    return new Conversation(
        d.getString("_id"),
        d.getString("cycleId"),
        messages,
        notifiedAt == null ? null : notifiedAt.toInstant(),
        ((Number) d.get("version")).longValue());
  }
}
