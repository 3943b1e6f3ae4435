package org.penpals.matching.partnership;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;

/**
 * Partnerships in MongoDB ({@code partnerships}), each with the events it owes in its own document,
 * and the publications of runs ({@code publications}).
 */
public class Partnerships {
  public static final String COLLECTION = "partnerships";
  public static final String PUBLICATIONS = "publications";

  private final MongoCollection<Document> partnerships;
  private final MongoCollection<Document> publications;
  private final Outbox outbox;

  public Partnerships(MongoDatabase database, Outbox outbox) {
    this.partnerships = database.getCollection(COLLECTION);
    this.publications = database.getCollection(PUBLICATIONS);
    this.outbox = outbox;
  }

  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(COLLECTION, Indexes.ascending("cycleId", "status"), new IndexOptions()),
        new IndexSpec(COLLECTION, Indexes.ascending("members"), new IndexOptions()));
  }

  /** Stores a new partnership with its events; false if it exists already (a resumed publish). */
  public boolean insert(Partnership p, List<?> events) {
    Document doc =
        new Document("_id", p.id())
            .append("cycleId", p.cycleId())
            .append("members", p.members())
            .append("score", p.score())
            .append("origin", p.origin())
            .append("runId", p.runId())
            .append("status", p.status())
            .append("formedAt", Date.from(p.formedAt()));
    outbox.attach(doc, events);
    try {
      partnerships.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    outbox.inserted(COLLECTION, doc);
    return true;
  }

  /** Ends an active partnership with its events; false if it was no longer active. */
  public boolean dissolve(String id, String reason, Instant at, List<?> events) {
    boolean done =
        partnerships
                .updateOne(
                    and(eq("_id", id), eq("status", "ACTIVE")),
                    Updates.combine(
                        Updates.set("status", "DISSOLVED"),
                        Updates.set("dissolvedAt", Date.from(at)),
                        Updates.set("dissolvedReason", reason),
                        outbox.append(events)))
                .getModifiedCount()
            == 1;
    if (done) {
      outbox.written(COLLECTION, id);
    }
    return done;
  }

  public Optional<Partnership> find(String id) {
    return Optional.ofNullable(partnerships.find(eq("_id", id)).first()).map(Partnerships::of);
  }

  /** The active partnership a participant is in, if any. */
  public Optional<Partnership> activeOf(String participantId) {
    return Optional.ofNullable(
            partnerships.find(and(eq("members", participantId), eq("status", "ACTIVE"))).first())
        .map(Partnerships::of);
  }

  public List<Partnership> ofCycle(String cycleId) {
    return partnerships
        .find(eq("cycleId", cycleId))
        .sort(Sorts.ascending("formedAt", "_id"))
        .map(Partnerships::of)
        .into(new ArrayList<>());
  }

  // ------------------------------------------------------------------ publications

  /**
   * Starts a publication (its id makes it unique: {@code initial:<cycle>} or {@code
   * rematch:<run>}). Returns false if it exists: then {@link #publication} tells which run and
   * whether it finished.
   */
  public boolean startPublication(String id, String cycleId, String runId, Instant at) {
    try {
      publications.insertOne(
          new Document("_id", id)
              .append("cycleId", cycleId)
              .append("runId", runId)
              .append("status", "PUBLISHING")
              .append("startedAt", Date.from(at)));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  public Optional<Document> publication(String id) {
    return Optional.ofNullable(publications.find(eq("_id", id)).first());
  }

  public List<Document> unfinishedPublications() {
    return publications.find(eq("status", "PUBLISHING")).into(new ArrayList<>());
  }

  /** Marks a publication done, with the events it owes (run completed, matches published). */
  public void finishPublication(String id, Instant at, List<?> events) {
    publications.updateOne(
        eq("_id", id),
        Updates.combine(
            Updates.set("status", "DONE"),
            Updates.set("finishedAt", Date.from(at)),
            outbox.append(events)));
    outbox.written(PUBLICATIONS, id);
  }

  static Partnership of(Document d) {
    Date dissolved = d.getDate("dissolvedAt");
    return new Partnership(
        d.getString("_id"),
        d.getString("cycleId"),
        d.getList("members", String.class),
        ((Number) d.get("score")).longValue(),
        d.getString("origin"),
        d.getString("runId"),
        d.getString("status"),
        d.getDate("formedAt").toInstant(),
        dissolved == null ? null : dissolved.toInstant(),
        d.getString("dissolvedReason"));
  }
}
