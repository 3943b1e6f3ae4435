package org.penpals.matching.partnership;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

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
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;

/**
 * Partnerships in MongoDB ({@code partnerships}), each with the events it owes in its own document,
 * and the publications of runs ({@code publications}). Status changes are compare-and-set writes on
 * {@code {_id, status}} (ADR 0011), so each is made, and its event owed, once.
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
        new IndexSpec(COLLECTION, Indexes.ascending("members"), new IndexOptions()),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("_id", "status"),
            new IndexOptions().unique(true).name("partnerships_status")),
        new IndexSpec(
            PUBLICATIONS,
            Indexes.ascending("_id", "status"),
            new IndexOptions().unique(true).name("publications_status")));
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
            .append("status", p.status().name())
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

  /** Ends an active partnership early with its events; false if it was no longer active. */
  public boolean dissolve(String id, DissolutionReason reason, Instant at, List<?> events) {
    return end(
        id,
        Updates.combine(
            Updates.set("status", PartnershipStatus.DISSOLVED.name()),
            Updates.set("dissolvedAt", Date.from(at)),
            Updates.set("dissolvedReason", reason.name())),
        events);
  }

  /** An active partnership ran to the end of its cycle; false if it was no longer active. */
  public boolean complete(String id, Instant at, List<?> events) {
    return end(
        id,
        Updates.combine(
            Updates.set("status", PartnershipStatus.COMPLETED.name()),
            Updates.set("completedAt", Date.from(at))),
        events);
  }

  private boolean end(String id, Bson change, List<?> events) {
    boolean done =
        partnerships
                .updateOne(
                    new Document("_id", id).append("status", PartnershipStatus.ACTIVE.name()),
                    Updates.combine(change, outbox.append(events)))
                .getModifiedCount()
            == 1;
    if (done) {
      outbox.written(COLLECTION, id);
    }
    return done;
  }

  /** Records a reminder prompt-service sent; false if it was recorded already. */
  public boolean recordReminder(String id, Partnership.Report report) {
    return addOnce(
        id,
        "reports",
        "reportId",
        report.reportId(),
        new Document("reportId", report.reportId())
            .append("reportedBy", report.reportedBy())
            .append("reminded", report.reminded())
            .append("answerBy", Date.from(report.answerBy()))
            .append("remindedAt", Date.from(report.remindedAt())));
  }

  /** Records a flagged report; false if it was recorded already. */
  public boolean recordQuietFlag(String id, Partnership.QuietFlag flag) {
    return addOnce(
        id,
        "quietFlags",
        "reportId",
        flag.reportId(),
        new Document("reportId", flag.reportId())
            .append("reportedBy", flag.reportedBy())
            .append("flaggedAt", Date.from(flag.flaggedAt())));
  }

  /** Records a member's check-in answer (their first one counts); false if recorded already. */
  public boolean recordCheckIn(String id, Partnership.CheckInAnswer answer) {
    return addOnce(
        id,
        "checkIns",
        "participantId",
        answer.participantId(),
        new Document("participantId", answer.participantId())
            .append("connected", answer.connected())
            .append("answeredAt", Date.from(answer.answeredAt())));
  }

  /** Appends an entry to an array unless an entry with the same key is there already. */
  private boolean addOnce(String id, String array, String key, String value, Document entry) {
    return partnerships
            .updateOne(
                new Document("_id", id).append(array + "." + key, new Document("$ne", value)),
                Updates.push(array, entry))
            .getModifiedCount()
        == 1;
  }

  public Optional<Partnership> find(String id) {
    return Optional.ofNullable(partnerships.find(eq("_id", id)).first()).map(Partnerships::of);
  }

  /** The active partnership a participant is in, if any. */
  public Optional<Partnership> activeOf(String participantId) {
    return Optional.ofNullable(
            partnerships
                .find(
                    and(
                        eq("members", participantId),
                        eq("status", PartnershipStatus.ACTIVE.name())))
                .first())
        .map(Partnerships::of);
  }

  /** The participant's most recently formed partnership, whatever its status. */
  public Optional<Partnership> latestOf(String participantId) {
    return Optional.ofNullable(
            partnerships
                .find(eq("members", participantId))
                .sort(Sorts.descending("formedAt", "_id"))
                .first())
        .map(Partnerships::of);
  }

  public List<Partnership> ofCycle(String cycleId) {
    return partnerships
        .find(eq("cycleId", cycleId))
        .sort(Sorts.ascending("formedAt", "_id"))
        .map(Partnerships::of)
        .into(new ArrayList<>());
  }

  public List<Partnership> activeOfCycle(String cycleId) {
    return partnerships
        .find(and(eq("cycleId", cycleId), eq("status", PartnershipStatus.ACTIVE.name())))
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

  /** Publications still going, started before {@code before} (left by a crash, or slow). */
  public List<Document> unfinishedPublications(Instant before) {
    return publications
        .find(and(eq("status", "PUBLISHING"), lt("startedAt", Date.from(before))))
        .into(new ArrayList<>());
  }

  /**
   * Marks a publication done, with the events it owes (run completed, matches published), if it was
   * still going: two instances finishing the same publication owe its events once.
   */
  public boolean finishPublication(String id, Instant at, List<?> events) {
    boolean done =
        publications
                .updateOne(
                    new Document("_id", id).append("status", "PUBLISHING"),
                    Updates.combine(
                        Updates.set("status", "DONE"),
                        Updates.set("finishedAt", Date.from(at)),
                        outbox.append(events)))
                .getModifiedCount()
            == 1;
    if (done) {
      outbox.written(PUBLICATIONS, id);
    }
    return done;
  }

  static Partnership of(Document d) {
    String reason = d.getString("dissolvedReason");
    return new Partnership(
        d.getString("_id"),
        d.getString("cycleId"),
        d.getList("members", String.class),
        ((Number) d.get("score")).longValue(),
        d.getString("origin"),
        d.getString("runId"),
        PartnershipStatus.valueOf(d.getString("status")),
        d.getDate("formedAt").toInstant(),
        instant(d, "dissolvedAt"),
        reason == null ? null : DissolutionReason.valueOf(reason),
        instant(d, "completedAt"),
        d.getList("reports", Document.class, List.of()).stream()
            .map(
                r ->
                    new Partnership.Report(
                        r.getString("reportId"),
                        r.getString("reportedBy"),
                        r.getList("reminded", String.class, List.of()),
                        r.getDate("answerBy").toInstant(),
                        r.getDate("remindedAt").toInstant()))
            .toList(),
        d.getList("quietFlags", Document.class, List.of()).stream()
            .map(
                f ->
                    new Partnership.QuietFlag(
                        f.getString("reportId"),
                        f.getString("reportedBy"),
                        f.getDate("flaggedAt").toInstant()))
            .toList(),
        d.getList("checkIns", Document.class, List.of()).stream()
            .map(
                c ->
                    new Partnership.CheckInAnswer(
                        c.getString("participantId"),
                        c.getBoolean("connected", false),
                        c.getDate("answeredAt").toInstant()))
            .toList());
  }

  private static @Nullable Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }
}
