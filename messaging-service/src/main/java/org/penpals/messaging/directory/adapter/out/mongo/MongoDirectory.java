package org.penpals.messaging.directory.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.penpals.messaging.directory.application.Directory;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.directory.domain.Recipient;

/**
 * {@code recipients} (one document per participant, {@code _id} = participant id; erasure leaves a
 * tombstone without personal data so replayed events cannot bring it back) and {@code partnerships}
 * ({@code _id} = partnership id). Every read is by {@code _id}.
 */
public class MongoDirectory implements Directory {
  public static final String RECIPIENTS = "recipients";
  public static final String PARTNERSHIPS = "partnerships";
  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

  private final MongoCollection<Document> recipients;
  private final MongoCollection<Document> partnerships;

  public MongoDirectory(MongoDatabase database) {
    this.recipients = database.getCollection(RECIPIENTS);
    this.partnerships = database.getCollection(PARTNERSHIPS);
  }

  @Override
  public Optional<Recipient> recipient(String participantId) {
    Document doc = recipients.find(eq("_id", participantId)).first();
    if (doc == null || doc.getString("email") == null || doc.getBoolean("erased", false)) {
      return Optional.empty();
    }
    return Optional.of(
        new Recipient(
            participantId,
            doc.getString("cycleId"),
            doc.getLong("revision"),
            doc.getString("fullName"),
            doc.getString("email"),
            doc.getString("country"),
            doc.getString("organisation"),
            doc.getString("timeZone"),
            doc.getString("locale"),
            doc.getBoolean("withdrawn", false)));
  }

  @Override
  public boolean save(Recipient r) {
    try {
      recipients.updateOne(
          and(
              eq("_id", r.participantId()),
              ne("erased", true),
              or(exists("revision", false), lt("revision", r.revision()))),
          Updates.combine(
              Updates.set("cycleId", r.cycleId()),
              Updates.set("revision", r.revision()),
              Updates.set("fullName", r.fullName()),
              Updates.set("email", r.email()),
              Updates.set("country", r.countryCode()),
              Updates.set("organisation", r.organisation()),
              Updates.set("timeZone", r.timeZone()),
              Updates.set("locale", r.locale()),
              Updates.set("withdrawn", r.withdrawn())),
          UPSERT);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false; // a newer copy, or a tombstone, is kept
      }
      throw e;
    }
  }

  @Override
  public boolean erased(String participantId) {
    Document doc = recipients.find(eq("_id", participantId)).first();
    return doc != null && doc.getBoolean("erased", false);
  }

  @Override
  public List<String> erase(String participantId) {
    List<String> theirs = partnershipsOf(participantId);
    recipients.replaceOne(
        eq("_id", participantId),
        new Document("erased", true).append("partnerships", theirs),
        new com.mongodb.client.model.ReplaceOptions().upsert(true));
    return theirs;
  }

  @Override
  public List<String> partnershipsOf(String participantId) {
    Document doc = recipients.find(eq("_id", participantId)).first();
    return doc == null ? List.of() : doc.getList("partnerships", String.class, List.of());
  }

  @Override
  public Optional<Partnership> partnership(String partnershipId) {
    return Optional.ofNullable(partnerships.find(eq("_id", partnershipId)).first())
        .map(MongoDirectory::partnership);
  }

  @Override
  public Partnership formed(String partnershipId, String cycleId, List<String> members) {
    for (String member : members) {
      recipients.updateOne(
          eq("_id", member), Updates.addToSet("partnerships", partnershipId), UPSERT);
    }
    partnerships.updateOne(
        eq("_id", partnershipId),
        Updates.combine(
            Updates.set("cycleId", cycleId),
            Updates.set("members", members),
            Updates.set("formed", true)),
        UPSERT);
    return partnership(partnershipId).orElseThrow();
  }

  @Override
  public Partnership planned(
      String partnershipId, String cycleId, Prompt first, Map<String, Instant> firstDue) {
    Document due = new Document();
    firstDue.forEach((member, at) -> due.append(member, Date.from(at)));
    partnerships.updateOne(
        eq("_id", partnershipId),
        Updates.combine(
            Updates.set("cycleId", cycleId),
            Updates.set("first", prompt(first)),
            Updates.set("firstDue", due)),
        UPSERT);
    return partnership(partnershipId).orElseThrow();
  }

  @Override
  public void dissolved(String partnershipId, String cycleId) {
    partnerships.updateOne(
        eq("_id", partnershipId),
        Updates.combine(Updates.set("cycleId", cycleId), Updates.set("dissolved", true)),
        UPSERT);
  }

  private static Partnership partnership(Document doc) {
    Document first = doc.get("first", Document.class);
    Map<String, Instant> due = new LinkedHashMap<>();
    Document firstDue = doc.get("firstDue", Document.class);
    if (firstDue != null) {
      firstDue.forEach((member, at) -> due.put(member, ((Date) at).toInstant()));
    }
    return new Partnership(
        doc.getString("_id"),
        doc.getString("cycleId"),
        doc.getList("members", String.class, List.of()),
        doc.getBoolean("formed", false),
        doc.getBoolean("dissolved", false),
        first == null ? null : prompt(first),
        due);
  }

  /** A prompt as a document; shared with the conversation and mail adapters' needs. */
  public static Document prompt(Prompt p) {
    Document translations = new Document();
    p.translations()
        .forEach(
            (lang, t) ->
                translations.append(
                    lang, new Document("title", t.title()).append("body", t.body())));
    return new Document("kind", p.kind())
        .append("title", p.title())
        .append("body", p.body())
        .append("translations", translations);
  }

  public static Prompt prompt(Document doc) {
    Map<String, Prompt.Text> translations = new LinkedHashMap<>();
    Document t = doc.get("translations", Document.class);
    if (t != null) {
      t.forEach(
          (lang, v) -> {
            Document text = (Document) v;
            translations.put(
                lang, new Prompt.Text(text.getString("title"), text.getString("body")));
          });
    }
    return new Prompt(
        doc.getString("kind"), doc.getString("title"), doc.getString("body"), translations);
  }
}
