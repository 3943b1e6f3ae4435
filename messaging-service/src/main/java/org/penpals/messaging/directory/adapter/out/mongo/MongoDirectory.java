package org.penpals.messaging.directory.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.directory.application.Directory;
import org.penpals.messaging.directory.domain.Cycle;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.platform.mongo.IndexSpec;

/**
 * {@code recipients} (one document per participant, {@code _id} = participant id; erasure leaves a
 * tombstone without personal data so replayed events cannot bring it back), {@code partnerships}
 * ({@code _id} = partnership id) and {@code cycles} ({@code _id} = cycle id). Every read on an
 * event's path is by {@code _id}; only the cycle-wide questions ({@link #recipientsOf}, {@link
 * #partnershipsIn}: cycle completion, announcements) filter on {@code cycleId}, which real MongoDB
 * serves from an index and the embedded server answers by a scan (rare, bounded: ADR 0011).
 */
public class MongoDirectory implements Directory {
  public static final String RECIPIENTS = "recipients";
  public static final String PARTNERSHIPS = "partnerships";
  public static final String CYCLES = "cycles";
  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
  private static final String REVISION = "revision";
  private static final String VERIFIED = "verified";
  private static final String WAITLIST_REASON = "waitlistReason";
  private static final String ADMITTED_AT = "admittedAt";
  private static final String WAITLISTED_BY_MATCHING = "waitlistedByMatching";
  private static final String CYCLE_ID = "cycleId";

  private final MongoCollection<Document> recipients;
  private final MongoCollection<Document> partnerships;
  private final MongoCollection<Document> cycles;

  public MongoDirectory(MongoDatabase database) {
    this.recipients = database.getCollection(RECIPIENTS);
    this.partnerships = database.getCollection(PARTNERSHIPS);
    this.cycles = database.getCollection(CYCLES);
  }

  @Override
  public Optional<Recipient> recipient(String participantId) {
    return recipient(recipients.find(eq("_id", participantId)).first());
  }

  private static Optional<Recipient> recipient(@Nullable Document doc) {
    if (doc == null || doc.getString("email") == null || doc.getBoolean("erased", false)) {
      return Optional.empty();
    }
    String reason = doc.getString(WAITLIST_REASON);
    Date admittedAt = doc.getDate(ADMITTED_AT);
    return Optional.of(
        new Recipient(
            doc.getString("_id"),
            doc.getString("cycleId"),
            doc.getLong("revision"),
            doc.getString("fullName"),
            doc.getString("email"),
            doc.getString("country"),
            doc.getString("organisation"),
            doc.getString("timeZone"),
            doc.getString("locale"),
            doc.getBoolean("withdrawn", false),
            doc.getBoolean(VERIFIED, false),
            reason == null ? null : Recipient.WaitlistReason.of(reason),
            admittedAt == null ? null : admittedAt.toInstant(),
            doc.getBoolean(WAITLISTED_BY_MATCHING, false)));
  }

  /**
   * The unique index that serves {@link #save}'s compare-and-set filter {@code {_id, revision}} on
   * the embedded MongoDB-wire server, which uses an index only for a filter of exactly its fields
   * and scans otherwise (ADR 0011); real MongoDB serves it from {@code _id}.
   */
  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(
            RECIPIENTS,
            Indexes.ascending("_id", REVISION),
            new IndexOptions().name("recipients_revision").unique(true)),
        // cycle-wide questions (real MongoDB; the embedded server ignores non-unique indexes)
        new IndexSpec(
            RECIPIENTS, Indexes.ascending(CYCLE_ID), new IndexOptions().name("recipients_cycle")),
        new IndexSpec(
            PARTNERSHIPS,
            Indexes.ascending(CYCLE_ID),
            new IndexOptions().name("partnerships_cycle")));
  }

  /**
   * Reads the kept copy by {@code _id}, and writes only if it is older, by a compare-and-set on the
   * revision it read: an insert when there is none (a concurrent insert loses on the duplicate key
   * and looks again), an update filtered on {@code {_id, revision}} otherwise. A tombstone's
   * revision is the largest there is, so nothing is ever written over it.
   */
  @Override
  public boolean save(Recipient r) {
    Document fields =
        new Document("cycleId", r.cycleId())
            .append(REVISION, r.revision())
            .append("fullName", r.fullName())
            .append("email", r.email())
            .append("country", r.countryCode())
            .append("organisation", r.organisation())
            .append("timeZone", r.timeZone())
            .append("locale", r.locale())
            .append("withdrawn", r.withdrawn());
    fields.putAll(facts(r));
    for (int attempt = 0; attempt < 10; attempt++) {
      Document kept =
          recipients
              .find(new Document("_id", r.participantId()))
              .projection(Projections.include(REVISION, "erased"))
              .first();
      if (kept == null) {
        try {
          Document copy = new Document("_id", r.participantId());
          copy.putAll(fields);
          recipients.insertOne(copy);
          return true;
        } catch (MongoWriteException e) {
          if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          continue; // inserted meanwhile: compare with that copy
        }
      }
      Object revision = kept.get(REVISION);
      if (kept.getBoolean("erased", false)
          || (revision instanceof Number n && n.longValue() >= r.revision())) {
        return false; // a newer copy, or a tombstone, is kept
      }
      Document unchanged = new Document("_id", r.participantId()).append(REVISION, revision);
      if (recipients.updateOne(unchanged, new Document("$set", fields)).getMatchedCount() == 1) {
        return true;
      }
    }
    throw new IllegalStateException(
        "recipient " + r.participantId() + " kept changing while being saved");
  }

  /** The standing facts a copy raises: only those it has (a profile update has none). */
  private static Document facts(Recipient r) {
    Document facts = new Document();
    if (r.verified()) {
      facts.append(VERIFIED, true);
    }
    if (r.waitlistReason() != null) {
      facts.append(WAITLIST_REASON, r.waitlistReason().name());
    }
    if (r.admittedAt() != null) {
      facts.append(ADMITTED_AT, Date.from(r.admittedAt()));
    }
    if (r.waitlistedByMatching()) {
      facts.append(WAITLISTED_BY_MATCHING, true);
    }
    return facts;
  }

  @Override
  public Optional<Recipient> verified(String participantId) {
    return raise(participantId, new Document(VERIFIED, true));
  }

  @Override
  public Optional<Recipient> admitted(String participantId, Instant at) {
    return raise(participantId, new Document(ADMITTED_AT, Date.from(at)));
  }

  @Override
  public Optional<Recipient> waitlistedByMatching(String participantId) {
    return raise(participantId, new Document(WAITLISTED_BY_MATCHING, true));
  }

  /**
   * Sets standing facts on a kept copy by a compare-and-set on the revision it read (served by
   * {@code recipients_revision}), so it never writes over a tombstone an erasure put meanwhile; the
   * revision itself stays (a later replay of an older registration event is still judged by it).
   * For a participant whose details have not arrived the facts are kept on a copy without details
   * (inserted if there is none), which {@link #save} completes, keeping the facts.
   */
  private Optional<Recipient> raise(String participantId, Document facts) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Document kept = recipients.find(new Document("_id", participantId)).first();
      if (kept == null) {
        try {
          Document early = new Document("_id", participantId);
          early.putAll(facts);
          recipients.insertOne(early);
          return Optional.empty();
        } catch (MongoWriteException e) {
          if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          continue; // saved meanwhile: raise on that copy
        }
      }
      if (kept.getBoolean("erased", false)) {
        return Optional.empty();
      }
      Document unchanged = new Document("_id", participantId).append(REVISION, kept.get(REVISION));
      if (recipients.updateOne(unchanged, new Document("$set", facts)).getMatchedCount() == 1) {
        return recipient(participantId);
      }
    }
    throw new IllegalStateException(
        "recipient " + participantId + " kept changing while being updated");
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
        new Document("erased", true)
            .append(REVISION, Long.MAX_VALUE) // no copy is newer: a compare-and-set never wins
            .append("partnerships", theirs),
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
          eq("_id", member),
          Updates.combine(
              Updates.addToSet("partnerships", partnershipId), Updates.set(VERIFIED, true)),
          UPSERT);
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

  @Override
  public void completed(String partnershipId, String cycleId, Instant at) {
    partnerships.updateOne(
        eq("_id", partnershipId),
        Updates.combine(Updates.set("cycleId", cycleId), Updates.set("completedAt", Date.from(at))),
        UPSERT);
  }

  @Override
  public void cycle(Cycle cycle) {
    Optional<Cycle> kept = cycle(cycle.cycleId());
    if (kept.isPresent() && !kept.get().status().mayBeFollowedBy(cycle.status())) {
      return; // a replayed event of a cycle that has completed or been archived since
    }
    cycles.replaceOne(
        eq("_id", cycle.cycleId()),
        new Document("name", cycle.name()).append("status", cycle.status().name()),
        new com.mongodb.client.model.ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<Cycle> cycle(String cycleId) {
    return Optional.ofNullable(cycles.find(eq("_id", cycleId)).first())
        .map(
            d ->
                new Cycle(
                    cycleId, d.getString("name"), Cycle.Status.valueOf(d.getString("status"))));
  }

  @Override
  public List<Recipient> recipientsOf(String cycleId) {
    List<Recipient> found = new ArrayList<>();
    recipients
        .find(eq(CYCLE_ID, cycleId))
        .projection(Projections.exclude("partnerships"))
        .forEach(d -> recipient(d).ifPresent(found::add));
    return found;
  }

  @Override
  public List<Partnership> partnershipsIn(String cycleId) {
    List<Partnership> found = new ArrayList<>();
    partnerships
        .find(eq(CYCLE_ID, cycleId))
        .projection(Projections.exclude("first"))
        .forEach(d -> found.add(partnership(d)));
    return found;
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
        due,
        doc.getDate("completedAt") == null ? null : doc.getDate("completedAt").toInstant());
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
