package org.penpals.prompt.partnership.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.not;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;
import org.penpals.prompt.library.PromptKind;
import org.penpals.prompt.partnership.application.Partnerships;
import org.penpals.prompt.partnership.domain.Answer;
import org.penpals.prompt.partnership.domain.Member;
import org.penpals.prompt.partnership.domain.Partnership;

/**
 * Partnerships in MongoDB ({@code partnerships}, {@code _id} = partnership id), each with the
 * events it owes ({@code PromptsPlanned}, {@code CheckInAnswered}, {@code PartnershipQuiet}) in its
 * own outbox. Every write is a single-document conditional update.
 */
public class MongoPartnerships implements Partnerships {
  public static final String COLLECTION = "partnerships";

  private final MongoCollection<Document> partnerships;
  private final Outbox outbox;

  public MongoPartnerships(MongoDatabase database, Outbox outbox) {
    this.partnerships = database.getCollection(COLLECTION);
    this.outbox = outbox;
  }

  /** For staff queries by cycle on a real MongoDB (the embedded server scans regardless). */
  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(
            COLLECTION, Indexes.ascending("cycleId", "status"), new IndexOptions().name("cycle")));
  }

  @Override
  public Optional<Partnership> find(String id) {
    return Optional.ofNullable(partnerships.find(eq("_id", id)).first())
        .map(MongoPartnerships::partnership);
  }

  @Override
  public List<Partnership> findAll(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Partnership> found = new HashMap<>();
    for (Document d : partnerships.find(in("_id", ids))) {
      found.put(d.getString("_id"), partnership(d));
    }
    return ids.stream().map(found::get).filter(p -> p != null).toList();
  }

  @Override
  public boolean insert(Partnership p, List<?> events) {
    Document doc = outbox.attach(document(p), events);
    try {
      partnerships.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    if (!events.isEmpty()) {
      outbox.inserted(COLLECTION, doc);
    }
    return true;
  }

  @Override
  public boolean activate(Partnership p, List<?> events) {
    List<Bson> sets = new ArrayList<>();
    document(p)
        .forEach(
            (k, v) -> {
              if (!"_id".equals(k)) {
                sets.add(Updates.set(k, v));
              }
            });
    if (!events.isEmpty()) {
      sets.add(outbox.append(events));
    }
    boolean done =
        partnerships
                .updateOne(
                    and(eq("_id", p.id()), eq("status", Partnership.Status.PENDING_CYCLE.name())),
                    Updates.combine(sets))
                .getModifiedCount()
            == 1;
    if (done && !events.isEmpty()) {
      outbox.written(COLLECTION, p.id());
    }
    return done;
  }

  @Override
  public List<Partnership> pendingOf(String cycleId) {
    List<Partnership> list = new ArrayList<>();
    for (Document d :
        partnerships.find(
            and(eq("cycleId", cycleId), eq("status", Partnership.Status.PENDING_CYCLE.name())))) {
      list.add(partnership(d));
    }
    return list;
  }

  @Override
  public boolean dissolve(String id, String reason, Instant at) {
    return partnerships
            .updateOne(
                and(
                    eq("_id", id),
                    in(
                        "status",
                        Partnership.Status.ACTIVE.name(),
                        Partnership.Status.PENDING_CYCLE.name(),
                        Partnership.Status.ENDED.name())),
                Updates.combine(
                    Updates.set("status", Partnership.Status.DISSOLVED.name()),
                    Updates.set("dissolvedAt", Date.from(at)),
                    Updates.set("dissolvedReason", reason)))
            .getModifiedCount()
        == 1;
  }

  @Override
  public void tombstone(String id, String cycleId, String reason, Instant at) {
    try {
      partnerships.insertOne(
          new Document("_id", id)
              .append("cycleId", cycleId)
              .append("status", Partnership.Status.DISSOLVED.name())
              .append("origin", "UNKNOWN")
              .append("formedAt", Date.from(at))
              .append("members", List.of())
              .append("first", 0)
              .append("last", 0)
              .append("dissolvedAt", Date.from(at))
              .append("dissolvedReason", reason));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      dissolve(id, reason, at);
    }
  }

  @Override
  public boolean recordAnswer(String id, Answer a, List<?> events) {
    boolean done =
        partnerships
                .updateOne(
                    and(
                        eq("_id", id),
                        eq("status", Partnership.Status.ACTIVE.name()),
                        eq("members.participantId", a.participantId()),
                        not(
                            elemMatch(
                                "answers",
                                and(
                                    eq("participantId", a.participantId()),
                                    eq("number", a.number()))))),
                    Updates.combine(
                        Updates.push("answers", answer(a)),
                        Updates.max("members.$.lastActiveAt", Date.from(a.at())),
                        outbox.append(events)))
                .getModifiedCount()
            == 1;
    if (done) {
      outbox.written(COLLECTION, id);
    }
    return done;
  }

  @Override
  public boolean addReport(String id, Partnership.Report r) {
    return partnerships
            .updateOne(
                and(
                    eq("_id", id),
                    eq("status", Partnership.Status.ACTIVE.name()),
                    not(
                        elemMatch(
                            "reports",
                            and(
                                eq("by", r.by()),
                                eq("status", Partnership.ReportStatus.OPEN.name()))))),
                Updates.push("reports", report(r)))
            .getModifiedCount()
        == 1;
  }

  @Override
  public boolean flagQuiet(String id, Partnership.QuietFlag flag, List<?> events, Instant at) {
    Document q = new Document("reason", flag.reason().name()).append("flaggedAt", Date.from(at));
    Bson filter;
    List<Bson> update = new ArrayList<>();
    update.add(Updates.push("quiet", q));
    update.add(outbox.append(events));
    if (flag.reportId() != null) {
      q.append("reportId", flag.reportId());
      filter =
          and(
              eq("_id", id),
              eq("status", Partnership.Status.ACTIVE.name()),
              elemMatch(
                  "reports",
                  and(
                      eq("id", flag.reportId()),
                      eq("status", Partnership.ReportStatus.OPEN.name()))));
      update.add(Updates.set("reports.$.status", Partnership.ReportStatus.FLAGGED.name()));
      update.add(Updates.set("reports.$.resolvedAt", Date.from(at)));
    } else {
      filter =
          and(
              eq("_id", id),
              eq("status", Partnership.Status.ACTIVE.name()),
              not(elemMatch("quiet", eq("reason", flag.reason().name()))));
    }
    boolean done = partnerships.updateOne(filter, Updates.combine(update)).getModifiedCount() == 1;
    if (done) {
      outbox.written(COLLECTION, id);
    }
    return done;
  }

  @Override
  public void closeReport(String id, String reportId, Partnership.ReportStatus status, Instant at) {
    partnerships.updateOne(
        and(
            eq("_id", id),
            elemMatch(
                "reports",
                and(eq("id", reportId), eq("status", Partnership.ReportStatus.OPEN.name())))),
        Updates.combine(
            Updates.set("reports.$.status", status.name()),
            Updates.set("reports.$.resolvedAt", Date.from(at))));
  }

  @Override
  public void memberActive(String id, String participantId, Instant at) {
    partnerships.updateOne(
        and(eq("_id", id), eq("members.participantId", participantId)),
        Updates.max("members.$.lastActiveAt", Date.from(at)));
  }

  @Override
  public void eraseMember(String id, String participantId) {
    partnerships.updateOne(
        and(eq("_id", id), eq("members.participantId", participantId)),
        Updates.combine(
            Updates.unset("members.$.timeZone"),
            Updates.unset("members.$.locale"),
            Updates.pull("answers", new Document("participantId", participantId)),
            Updates.pull("reports", new Document("by", participantId))));
  }

  @Override
  public List<Partnership> quietOf(String cycleId) {
    List<Partnership> list = new ArrayList<>();
    for (Document d : partnerships.find(and(eq("cycleId", cycleId), exists("quiet.0")))) {
      list.add(partnership(d));
    }
    list.sort(
        java.util.Comparator.comparing((Partnership p) -> p.quiet().get(0).flaggedAt())
            .thenComparing(Partnership::id));
    return list;
  }

  // ------------------------------------------------------------------ mapping

  private static Document document(Partnership p) {
    return new Document("_id", p.id())
        .append("cycleId", p.cycleId())
        .append("status", p.status().name())
        .append("origin", p.origin())
        .append("formedAt", Date.from(p.formedAt()))
        .append("members", p.members().stream().map(MongoPartnerships::member).toList())
        .append("first", p.first())
        .append("last", p.last())
        .append("checkIn", p.checkIn())
        .append("answers", p.answers().stream().map(MongoPartnerships::answer).toList())
        .append("reports", p.reports().stream().map(MongoPartnerships::report).toList())
        .append("quiet", List.of());
  }

  private static Document member(Member m) {
    Document doc = new Document("participantId", m.participantId());
    if (m.timeZone() != null) {
      doc.append("timeZone", m.timeZone());
    }
    if (m.locale() != null) {
      doc.append("locale", m.locale());
    }
    if (m.lastActiveAt() != null) {
      doc.append("lastActiveAt", Date.from(m.lastActiveAt()));
    }
    return doc;
  }

  private static Document answer(Answer a) {
    Document doc =
        new Document("participantId", a.participantId())
            .append("number", a.number())
            .append("kind", a.kind().name())
            .append("at", Date.from(a.at()));
    if (a.connected() != null) {
      doc.append("connected", a.connected());
    }
    if (a.rating() != null) {
      doc.append("rating", a.rating());
    }
    if (a.comments() != null) {
      doc.append("comments", a.comments());
    }
    return doc;
  }

  private static Document report(Partnership.Report r) {
    Document doc =
        new Document("id", r.id())
            .append("by", r.by())
            .append("at", Date.from(r.at()))
            .append("checkAt", Date.from(r.checkAt()))
            .append("status", r.status().name());
    if (r.note() != null) {
      doc.append("note", r.note());
    }
    if (r.resolvedAt() != null) {
      doc.append("resolvedAt", Date.from(r.resolvedAt()));
    }
    return doc;
  }

  static Partnership partnership(Document d) {
    return new Partnership(
        d.getString("_id"),
        d.getString("cycleId"),
        Partnership.Status.valueOf(d.getString("status")),
        d.getString("origin"),
        d.getDate("formedAt").toInstant(),
        d.getList("members", Document.class, List.of()).stream()
            .map(
                m ->
                    new Member(
                        m.getString("participantId"),
                        m.getString("timeZone"),
                        m.getString("locale"),
                        instant(m.getDate("lastActiveAt"))))
            .toList(),
        d.getInteger("first", 0),
        d.getInteger("last", 0),
        d.getInteger("checkIn"),
        d.getList("answers", Document.class, List.of()).stream()
            .map(
                a ->
                    new Answer(
                        a.getString("participantId"),
                        a.getInteger("number"),
                        PromptKind.valueOf(a.getString("kind")),
                        a.getBoolean("connected"),
                        a.getInteger("rating"),
                        a.getString("comments"),
                        a.getDate("at").toInstant()))
            .toList(),
        d.getList("reports", Document.class, List.of()).stream()
            .map(
                r ->
                    new Partnership.Report(
                        r.getString("id"),
                        r.getString("by"),
                        r.getDate("at").toInstant(),
                        r.getDate("checkAt").toInstant(),
                        r.getString("note"),
                        Partnership.ReportStatus.valueOf(r.getString("status")),
                        instant(r.getDate("resolvedAt"))))
            .toList(),
        d.getList("quiet", Document.class, List.of()).stream()
            .map(
                q ->
                    new Partnership.QuietFlag(
                        Partnership.QuietReason.valueOf(q.getString("reason")),
                        q.getDate("flaggedAt").toInstant(),
                        q.getString("reportId")))
            .toList());
  }

  private static @Nullable Instant instant(@Nullable Date date) {
    return date == null ? null : date.toInstant();
  }
}
