package org.penpals.messaging.announcement.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.announcement.application.Announcements;
import org.penpals.messaging.announcement.domain.Announcement;
import org.penpals.messaging.announcement.domain.Draft;
import org.penpals.messaging.announcement.domain.Segment;
import org.penpals.messaging.announcement.domain.Text;
import org.penpals.platform.mongo.IndexSpec;

/**
 * {@code announcements}, one document each ({@code _id} = the announcement's id). The idempotency
 * key is unique per cycle (a unique index on exactly {@code {cycleId, idempotencyKey}}, which both
 * servers use for {@link #byKey}); every change is a compare-and-set on {@code {_id, rev}} (a
 * unique index of exactly those fields, ADR 0011). The audience, frozen when sending starts, is
 * kept in the document ({@code audience}) and left out of every listing.
 */
public class MongoAnnouncements implements Announcements {
  public static final String COLLECTION = "announcements";
  private static final String REV = "rev";
  private static final String AUDIENCE = "audience";

  private final MongoCollection<Document> announcements;

  public MongoAnnouncements(MongoDatabase database) {
    this.announcements = database.getCollection(COLLECTION);
  }

  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("cycleId", "idempotencyKey"),
            new IndexOptions().name("announcements_key").unique(true)),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("_id", REV),
            new IndexOptions().name("announcements_rev").unique(true)),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("status", "sendAt"),
            new IndexOptions().name("announcements_due")),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("cycleId", "createdAt"),
            new IndexOptions().name("announcements_cycle")));
  }

  @Override
  public boolean insert(Announcement a) {
    Draft draft = a.draft();
    Document translations = new Document();
    draft.translations().forEach((language, t) -> translations.append(language, text(t)));
    Document doc =
        new Document("_id", a.id())
            .append("cycleId", a.cycleId())
            .append("idempotencyKey", a.idempotencyKey())
            .append("fingerprint", a.fingerprint())
            .append("subject", draft.text().subject())
            .append("body", draft.text().body())
            .append("translations", translations)
            .append(
                "segment",
                new Document("kind", draft.segment().kind().name())
                    .append("country", draft.segment().country()))
            .append("requestedSendAt", draft.sendAt() == null ? null : Date.from(draft.sendAt()))
            .append("sendAt", Date.from(a.sendAt()))
            .append("createdAt", Date.from(a.createdAt()))
            .append("createdBy", a.createdBy());
    doc.putAll(state(a));
    try {
      announcements.insertOne(doc);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  private static Document state(Announcement a) {
    return new Document("status", a.status().name())
        .append("recipients", a.recipients())
        .append("sent", a.sent())
        .append("progress", a.progress())
        .append(REV, a.rev());
  }

  private static Document text(Text t) {
    return new Document("subject", t.subject()).append("body", t.body());
  }

  @Override
  public Optional<Announcement> find(String id) {
    return Optional.ofNullable(
            announcements.find(eq("_id", id)).projection(Projections.exclude(AUDIENCE)).first())
        .map(MongoAnnouncements::announcement);
  }

  @Override
  public Optional<Announcement> byKey(String cycleId, String idempotencyKey) {
    // a plain two-field document: exactly the unique index's fields (Filters.and renders $and)
    return Optional.ofNullable(
            announcements
                .find(new Document("cycleId", cycleId).append("idempotencyKey", idempotencyKey))
                .projection(Projections.exclude(AUDIENCE))
                .first())
        .map(MongoAnnouncements::announcement);
  }

  @Override
  public List<Announcement> ofCycle(String cycleId, int limit) {
    return list(eq("cycleId", cycleId), Sorts.descending("createdAt", "_id"), limit);
  }

  @Override
  public List<Announcement> due(Instant now, int limit) {
    return list(
        and(
            in("status", Announcement.Status.SCHEDULED.name(), Announcement.Status.SENDING.name()),
            lte("sendAt", Date.from(now))),
        Sorts.ascending("sendAt", "_id"),
        limit);
  }

  private List<Announcement> list(Bson filter, Bson sort, int limit) {
    List<Announcement> found = new ArrayList<>();
    announcements
        .find(filter)
        .projection(Projections.exclude(AUDIENCE))
        .sort(sort)
        .limit(limit)
        .forEach(d -> found.add(announcement(d)));
    return found;
  }

  @Override
  public boolean update(Announcement next, @Nullable List<String> audience) {
    List<Bson> changes = new ArrayList<>();
    state(next).forEach((field, value) -> changes.add(Updates.set(field, value)));
    if (audience != null) {
      changes.add(Updates.set(AUDIENCE, audience));
    }
    changes.add(Updates.set("updatedAt", new Date()));
    return announcements
            .updateOne(
                new Document("_id", next.id()).append(REV, next.rev() - 1),
                Updates.combine(changes))
            .getModifiedCount()
        == 1;
  }

  @Override
  public List<String> audience(String id) {
    Document doc =
        announcements.find(eq("_id", id)).projection(Projections.include(AUDIENCE)).first();
    return doc == null ? List.of() : doc.getList(AUDIENCE, String.class, List.of());
  }

  private static Announcement announcement(Document d) {
    Map<String, Text> translations = new LinkedHashMap<>();
    Document t = d.get("translations", Document.class);
    if (t != null) {
      t.forEach(
          (language, v) -> {
            Document text = (Document) v;
            translations.put(language, new Text(text.getString("subject"), text.getString("body")));
          });
    }
    Document segment = d.get("segment", Document.class);
    Date requested = d.getDate("requestedSendAt");
    Draft draft =
        new Draft(
            new Text(d.getString("subject"), d.getString("body")),
            translations,
            new Segment(
                Segment.Kind.valueOf(segment.getString("kind")), segment.getString("country")),
            requested == null ? null : requested.toInstant());
    return new Announcement(
        d.getString("_id"),
        d.getString("cycleId"),
        d.getString("idempotencyKey"),
        d.getString("fingerprint"),
        draft,
        d.getDate("sendAt").toInstant(),
        Announcement.Status.valueOf(d.getString("status")),
        d.getInteger("recipients", 0),
        d.getInteger("sent", 0),
        d.getInteger("progress", 0),
        d.getDate("createdAt").toInstant(),
        d.getString("createdBy"),
        ((Number) d.get(REV)).longValue());
  }
}
