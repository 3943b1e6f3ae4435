package org.penpals.gateway.audit;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.mongo.IndexSpec;

/**
 * The audit log: the collection {@code audit_log}, append-only. An entry is written before the
 * request it records goes on (if it cannot be written, the request is refused), and completed once
 * with the outcome; nothing here updates a completed entry or deletes one, and in production the
 * gateway's database user should hold only insert/find/update-of-pending rights (ADR 0009).
 */
public class AuditLog {
  public static final String COLLECTION = "audit_log";

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One page of a search. */
  public record Page(List<AuditEntry> items, int page, int size, long total) {}

  private final MongoCollection<Document> collection;
  private final Clock clock;

  public AuditLog(MongoDatabase database, Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(COLLECTION, Indexes.descending("at"), new IndexOptions().name("audit_at")),
        new IndexSpec(
            COLLECTION,
            Indexes.compoundIndex(Indexes.ascending("actor"), Indexes.descending("at")),
            new IndexOptions().name("audit_actor_at")));
  }

  /** A new, time-ordered entry id. */
  public String newId() {
    byte[] random = new byte[5];
    RANDOM.nextBytes(random);
    return ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
  }

  public Instant now() {
    return clock.instant();
  }

  /** Writes an entry (pending or complete); throws if the database does not take it. */
  public void append(AuditEntry entry) {
    collection.insertOne(document(entry));
  }

  /** Completes a pending entry with its outcome; a completed entry is never changed. */
  public void complete(
      String id,
      String actor,
      @Nullable String staffId,
      @Nullable String role,
      int status,
      String outcome,
      long durationMs,
      @Nullable String action,
      @Nullable String target) {
    List<Bson> updates =
        new ArrayList<>(
            List.of(
                Updates.set("actor", actor),
                Updates.set("staffId", staffId),
                Updates.set("role", role),
                Updates.set("status", status),
                Updates.set("outcome", outcome),
                Updates.set("durationMs", durationMs)));
    if (action != null) {
      updates.add(Updates.set("action", action));
    }
    if (target != null) {
      updates.add(Updates.set("target", target));
    }
    collection.updateOne(
        Filters.and(Filters.eq("_id", id), Filters.eq("status", 0)), Updates.combine(updates));
  }

  public Page search(AuditQuery query) {
    Bson filter = filter(query);
    List<AuditEntry> items = new ArrayList<>();
    for (Document d :
        collection
            .find(filter)
            .sort(Sorts.descending("_id"))
            .skip(query.page() * query.size())
            .limit(query.size())) {
      items.add(entry(d));
    }
    return new Page(items, query.page(), query.size(), collection.countDocuments(filter));
  }

  /** Every entry the query matches (ignoring its paging), newest first. */
  public void forEach(AuditQuery query, Consumer<AuditEntry> consumer) {
    FindIterable<Document> all = collection.find(filter(query)).sort(Sorts.descending("_id"));
    for (Document d : all) {
      consumer.accept(entry(d));
    }
  }

  public @Nullable AuditEntry find(String id) {
    Document d = collection.find(Filters.eq("_id", id)).first();
    return d == null ? null : entry(d);
  }

  private static Bson filter(AuditQuery q) {
    List<Bson> parts = new ArrayList<>();
    if (q.actor() != null) {
      parts.add(Filters.eq("actor", q.actor()));
    }
    if (q.outcome() != null) {
      parts.add(Filters.eq("outcome", q.outcome()));
    }
    if (q.from() != null) {
      parts.add(Filters.gte("at", Date.from(q.from())));
    }
    if (q.to() != null) {
      parts.add(Filters.lt("at", Date.from(q.to())));
    }
    if (q.text() != null) {
      Pattern contains = Pattern.compile(Pattern.quote(q.text()), Pattern.CASE_INSENSITIVE);
      parts.add(
          Filters.or(
              Filters.regex("action", contains),
              Filters.regex("path", contains),
              Filters.regex("target", contains)));
    }
    return parts.isEmpty() ? new Document() : Filters.and(parts);
  }

  static Document document(AuditEntry e) {
    return new Document("_id", e.id())
        .append("at", Date.from(e.at()))
        .append("actor", e.actor())
        .append("staffId", e.staffId())
        .append("role", e.role())
        .append("action", e.action())
        .append("method", e.method())
        .append("path", e.path())
        .append("query", e.query())
        .append("target", e.target())
        .append("status", e.status())
        .append("outcome", e.outcome())
        .append("durationMs", e.durationMs())
        .append("client", e.client());
  }

  static AuditEntry entry(Document d) {
    return new AuditEntry(
        d.getString("_id"),
        d.getDate("at").toInstant(),
        d.getString("actor"),
        d.getString("staffId"),
        d.getString("role"),
        d.getString("action"),
        d.getString("method"),
        d.getString("path"),
        d.getString("query"),
        d.getString("target"),
        d.getInteger("status", 0),
        d.getString("outcome"),
        ((Number) d.get("durationMs", 0L)).longValue(),
        d.getString("client"));
  }
}
