package org.penpals.messaging.mail.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.penpals.messaging.directory.adapter.out.mongo.MongoDirectory;
import org.penpals.messaging.mail.application.OwedMail;
import org.penpals.messaging.mail.application.PendingMails;
import org.penpals.messaging.mail.application.ProgrammeMail;
import org.penpals.messaging.mail.domain.MailKind;
import org.penpals.platform.mongo.IndexSpec;

/**
 * {@code pending_mails}: one document per participant ({@code _id} = participant id) holding the
 * mails owed to them while their details have not arrived, {@code {_id, version, mails: [{key,
 * kind, cycleId, …the cause's data}]}}; usually the collection is empty. Reads are by {@code _id};
 * changes are a compare-and-set on {@code {_id, version}}, served by the unique index of exactly
 * those fields on the embedded MongoDB-wire server too (ADR 0011), so two causes recorded at once
 * both stay and a mail's key is kept once.
 */
public class MongoPendingMails implements PendingMails {
  public static final String COLLECTION = "pending_mails";
  private static final String VERSION = "version";
  private static final String MAILS = "mails";
  private static final String KEY = "key";
  private static final String KIND = "kind";
  private static final String CYCLE_ID = "cycleId";
  private static final String PARTNERSHIP_ID = "partnershipId";
  private static final int ATTEMPTS = 20;

  private final MongoCollection<Document> pending;

  public MongoPendingMails(MongoDatabase database) {
    this.pending = database.getCollection(COLLECTION);
  }

  /** The unique index that serves the compare-and-set filter {@code {_id, version}}. */
  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("_id", VERSION),
            new IndexOptions().name("pending_mails_version").unique(true)));
  }

  @Override
  public boolean add(OwedMail mail) {
    Document entry = entry(mail);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Document kept = pending.find(eq("_id", mail.participantId())).first();
      if (kept == null) {
        try {
          pending.insertOne(
              new Document("_id", mail.participantId())
                  .append(VERSION, 1L)
                  .append(MAILS, List.of(entry)));
          return true;
        } catch (MongoWriteException e) {
          if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          continue; // another cause recorded one meanwhile: add to it
        }
      }
      List<Document> mails = kept.getList(MAILS, Document.class, List.of());
      if (mails.stream().anyMatch(m -> mail.key().equals(m.getString(KEY)))) {
        return false;
      }
      long version = kept.get(VERSION, Number.class).longValue();
      if (pending
              .updateOne(
                  unchanged(mail.participantId(), version),
                  new Document("$push", new Document(MAILS, entry))
                      .append("$set", new Document(VERSION, version + 1)))
              .getMatchedCount()
          == 1) {
        return true;
      }
    }
    throw new IllegalStateException(
        "pending mails of " + mail.participantId() + " kept changing while being added to");
  }

  @Override
  public List<OwedMail> of(String participantId) {
    Document kept = pending.find(eq("_id", participantId)).first();
    if (kept == null) {
      return List.of();
    }
    List<OwedMail> owed = new ArrayList<>();
    for (Document m : kept.getList(MAILS, Document.class, List.of())) {
      owed.add(owed(participantId, m));
    }
    return owed;
  }

  @Override
  public void remove(String participantId, Collection<String> keys) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Document kept = pending.find(eq("_id", participantId)).first();
      if (kept == null) {
        return;
      }
      long version = kept.get(VERSION, Number.class).longValue();
      List<Document> left =
          kept.getList(MAILS, Document.class, List.of()).stream()
              .filter(m -> !keys.contains(m.getString(KEY)))
              .toList();
      Document unchanged = unchanged(participantId, version);
      long changed =
          left.isEmpty()
              ? pending.deleteOne(unchanged).getDeletedCount()
              : pending
                  .updateOne(
                      unchanged,
                      new Document("$set", new Document(MAILS, left).append(VERSION, version + 1)))
                  .getMatchedCount();
      if (changed == 1) {
        return;
      }
    }
    throw new IllegalStateException(
        "pending mails of " + participantId + " kept changing while being removed");
  }

  @Override
  public void erase(String participantId) {
    pending.deleteOne(eq("_id", participantId));
  }

  /**
   * A plain {@code {_id, version}} document: the driver's {@code and} would render {@code $and}.
   */
  private static Document unchanged(String participantId, long version) {
    return new Document("_id", participantId).append(VERSION, version);
  }

  private static Document entry(OwedMail mail) {
    Document entry =
        new Document(KEY, mail.key())
            .append(KIND, mail.kind().name())
            .append(CYCLE_ID, mail.cycleId());
    if (mail instanceof OwedMail.Waitlisted w) {
      entry.append("runId", w.runId());
    } else if (mail instanceof OwedMail.WeeklyPrompt p) {
      entry
          .append(PARTNERSHIP_ID, p.partnershipId())
          .append("deliveryId", p.deliveryId())
          .append("week", p.week())
          .append("prompt", MongoDirectory.prompt(p.prompt()))
          .append("dueAt", Date.from(p.dueAt()))
          .append("late", p.late());
    } else if (mail instanceof OwedMail.PartnerLeft l) {
      entry.append(PARTNERSHIP_ID, l.partnershipId()).append("others", l.others());
    } else if (mail instanceof OwedMail.Dissolved d) {
      entry.append(PARTNERSHIP_ID, d.partnershipId()).append("reason", d.reason().name());
    } else if (mail instanceof OwedMail.Ended e) {
      entry.append(PARTNERSHIP_ID, e.partnershipId());
    } else if (mail instanceof OwedMail.Reminder r) {
      entry
          .append(PARTNERSHIP_ID, r.partnershipId())
          .append("reportId", r.reportId())
          .append("reportedBy", r.reportedBy())
          .append("answerBy", Date.from(r.answerBy()));
    } else {
      throw new IllegalArgumentException("no storage for " + mail.kind());
    }
    return entry;
  }

  private static OwedMail owed(String participantId, Document m) {
    String cycleId = m.getString(CYCLE_ID);
    MailKind kind = MailKind.valueOf(m.getString(KIND));
    return switch (kind) {
      case WAITLISTED -> new OwedMail.Waitlisted(participantId, cycleId, m.getString("runId"));
      case PROMPT ->
          new OwedMail.WeeklyPrompt(
              participantId,
              cycleId,
              m.getString(PARTNERSHIP_ID),
              m.getString("deliveryId"),
              m.getInteger("week"),
              MongoDirectory.prompt(m.get("prompt", Document.class)),
              m.getDate("dueAt").toInstant(),
              m.getBoolean("late", false));
      case PARTNER_LEFT ->
          new OwedMail.PartnerLeft(
              participantId,
              cycleId,
              m.getString(PARTNERSHIP_ID),
              m.getList("others", String.class, List.of()));
      case PARTNERSHIP_DISSOLVED ->
          new OwedMail.Dissolved(
              participantId,
              cycleId,
              m.getString(PARTNERSHIP_ID),
              ProgrammeMail.DissolvedBecause.valueOf(m.getString("reason")));
      case PARTNERSHIP_ENDED ->
          new OwedMail.Ended(participantId, cycleId, m.getString(PARTNERSHIP_ID));
      case REMINDER ->
          new OwedMail.Reminder(
              participantId,
              cycleId,
              m.getString(PARTNERSHIP_ID),
              m.getString("reportId"),
              m.getString("reportedBy"),
              m.getDate("answerBy").toInstant());
      default -> throw new IllegalStateException("no owed mail of kind " + kind);
    };
  }
}
