package org.penpals.prompt.partnership.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.not;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
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
 * Partnerships in MongoDB: {@code partnerships} ({@code _id} = partnership id, carrying {@code
 * PromptsPlanned}), {@code answers} ({@code _id = partnership:participant:prompt}, carrying {@code
 * CheckInAnswered}) and {@code quiet_flags} ({@code _id = partnership:reason[:report]}, carrying
 * {@code PartnershipQuiet}). Answers and flags are <em>inserted</em>: the unique {@code _id} makes
 * "once per participant and prompt" and "once per reason" hold without a conditional update (which
 * the embedded MongoDB-wire server could only answer by scanning), and each carries its event in
 * its own outbox.
 */
public class MongoPartnerships implements Partnerships {
  public static final String COLLECTION = "partnerships";
  public static final String ANSWERS = "answers";
  public static final String QUIET_FLAGS = "quiet_flags";

  private final MongoCollection<Document> partnerships;
  private final MongoCollection<Document> answers;
  private final MongoCollection<Document> flags;
  private final Outbox outbox;

  public MongoPartnerships(MongoDatabase database, Outbox outbox) {
    this.partnerships = database.getCollection(COLLECTION);
    this.answers = database.getCollection(ANSWERS);
    this.flags = database.getCollection(QUIET_FLAGS);
    this.outbox = outbox;
  }

  /** For staff queries by cycle on a real MongoDB (the embedded server scans regardless). */
  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(
            COLLECTION, Indexes.ascending("cycleId", "status"), new IndexOptions().name("cycle")),
        new IndexSpec(QUIET_FLAGS, Indexes.ascending("cycleId"), new IndexOptions().name("cycle")));
  }

  @Override
  public Optional<Partnership> find(String id) {
    return findAll(List.of(id)).stream().findFirst();
  }

  @Override
  public boolean exists(String id) {
    return partnerships.find(eq("_id", id)).projection(Projections.include("_id")).first() != null;
  }

  @Override
  public List<Partnership> findAll(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Document> docs = partnerships.find(in("_id", ids)).into(new ArrayList<>());
    // answers and flags by their ids (all by _id: members x touchpoints, reasons x reports)
    List<String> answerIds = new ArrayList<>();
    List<String> flagIds = new ArrayList<>();
    for (Document d : docs) {
      String id = d.getString("_id");
      List<Integer> touchpoints = d.getList("touchpoints", Integer.class, List.of());
      for (Document m : d.getList("members", Document.class, List.of())) {
        for (int n : touchpoints) {
          answerIds.add(answerId(id, m.getString("participantId"), n));
        }
      }
      flagIds.add(flagId(id, Partnership.QuietReason.NO_CHECK_IN, null));
      for (Document r : d.getList("reports", Document.class, List.of())) {
        flagIds.add(flagId(id, Partnership.QuietReason.REPORTED, r.getString("id")));
      }
    }
    Map<String, List<Document>> answersOf = new HashMap<>();
    if (!answerIds.isEmpty()) {
      for (Document a : answers.find(in("_id", answerIds)).projection(WITHOUT_OUTBOX)) {
        answersOf.computeIfAbsent(a.getString("partnershipId"), k -> new ArrayList<>()).add(a);
      }
    }
    Map<String, List<Document>> flagsOf = new HashMap<>();
    for (Document f : flags.find(in("_id", flagIds)).projection(WITHOUT_OUTBOX)) {
      flagsOf.computeIfAbsent(f.getString("partnershipId"), k -> new ArrayList<>()).add(f);
    }
    Map<String, Partnership> found = new HashMap<>();
    for (Document d : docs) {
      String id = d.getString("_id");
      found.put(
          id,
          partnership(
              d, answersOf.getOrDefault(id, List.of()), flagsOf.getOrDefault(id, List.of())));
    }
    return ids.stream().map(found::get).filter(p -> p != null).toList();
  }

  private static final Bson WITHOUT_OUTBOX = Projections.exclude(Outbox.FIELD);

  static String answerId(String partnershipId, String participantId, int number) {
    return partnershipId + ":" + participantId + ":" + number;
  }

  static String flagId(
      String partnershipId, Partnership.QuietReason reason, @Nullable String reportId) {
    return partnershipId + ":" + reason.name() + (reportId == null ? "" : ":" + reportId);
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
      list.add(partnership(d, List.of(), List.of()));
    }
    return list;
  }

  @Override
  public void dissolve(String id, String reason, Instant at) {
    partnerships.updateOne(
        eq("_id", id),
        Updates.combine(
            Updates.set("status", Partnership.Status.DISSOLVED.name()),
            Updates.set("dissolvedAt", Date.from(at)),
            Updates.set("dissolvedReason", reason)));
  }

  @Override
  public void tombstone(
      String id, String cycleId, Partnership.Status status, String reason, Instant at) {
    try {
      partnerships.insertOne(
          new Document("_id", id)
              .append("cycleId", cycleId)
              .append("status", status.name())
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
      if (status == Partnership.Status.DISSOLVED) {
        dissolve(id, reason, at);
      } else {
        complete(id, at);
      }
    }
  }

  @Override
  public boolean complete(String id, Instant at) {
    // compare-and-set on the status read: the open reports closed are those of that version
    for (int attempt = 0; attempt < 5; attempt++) {
      Document doc =
          partnerships
              .find(eq("_id", id))
              .projection(Projections.include("status", "reports.status"))
              .first();
      if (doc == null) {
        return false;
      }
      String status = doc.getString("status");
      if (Partnership.Status.DISSOLVED.name().equals(status)
          || Partnership.Status.COMPLETED.name().equals(status)) {
        return false;
      }
      List<Bson> changes = new ArrayList<>();
      changes.add(Updates.set("status", Partnership.Status.COMPLETED.name()));
      changes.add(Updates.set("completedAt", Date.from(at)));
      List<Document> reports = doc.getList("reports", Document.class, List.of());
      for (int i = 0; i < reports.size(); i++) {
        if (Partnership.ReportStatus.OPEN.name().equals(reports.get(i).getString("status"))) {
          changes.add(
              Updates.set("reports." + i + ".status", Partnership.ReportStatus.CLOSED.name()));
          changes.add(Updates.set("reports." + i + ".resolvedAt", Date.from(at)));
        }
      }
      if (partnerships
              .updateOne(new Document("_id", id).append("status", status), Updates.combine(changes))
              .getModifiedCount()
          == 1) {
        return true;
      }
    }
    throw new IllegalStateException("partnership " + id + " keeps changing; retry the completion");
  }

  @Override
  public Map<Integer, Long> answersPerNumber(String cycleId) {
    Map<Integer, Long> counts = new HashMap<>();
    answers
        .aggregate(
            List.of(
                Aggregates.match(new Document("cycleId", cycleId)),
                Aggregates.group("$number", Accumulators.sum("count", 1))))
        .forEach(
            g ->
                counts.put(
                    ((Number) g.get("_id")).intValue(), ((Number) g.get("count")).longValue()));
    return counts;
  }

  @Override
  public boolean recordAnswer(Partnership p, Answer a, List<?> events) {
    Document doc =
        outbox.attach(
            answer(a)
                .append("_id", answerId(p.id(), a.participantId(), a.number()))
                .append("partnershipId", p.id())
                .append("cycleId", p.cycleId()),
            events);
    try {
      answers.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    outbox.inserted(ANSWERS, doc);
    return true;
  }

  @Override
  public boolean addReport(
      String id, Partnership.Report r, @Nullable Instant lastReminderAt, List<?> events) {
    List<Bson> changes = new ArrayList<>();
    changes.add(Updates.push("reports", report(r)));
    Partnership.Reminder reminder = r.reminder();
    if (reminder != null && reminder.requestedAt() != null) {
      changes.add(Updates.set(LAST_REMINDER, Date.from(reminder.requestedAt())));
    }
    if (!events.isEmpty()) {
      changes.add(outbox.append(events));
    }
    // a rare write (a participant's report): the conditions may scan on the embedded server
    boolean added =
        partnerships
                .updateOne(
                    and(
                        eq("_id", id),
                        eq("status", Partnership.Status.ACTIVE.name()),
                        eq(
                            LAST_REMINDER,
                            lastReminderAt == null ? null : Date.from(lastReminderAt)),
                        not(
                            elemMatch(
                                "reports",
                                and(
                                    eq("by", r.by()),
                                    eq("status", Partnership.ReportStatus.OPEN.name()))))),
                    Updates.combine(changes))
                .getModifiedCount()
            == 1;
    if (added && !events.isEmpty()) {
      outbox.written(COLLECTION, id);
    }
    return added;
  }

  /** When the partnership was last reminded: what a report's reminder decision was based on. */
  private static final String LAST_REMINDER = "lastReminderAt";

  @Override
  public void recordReminderMail(String id, String reportId, Partnership.ReminderMail mail) {
    Date at = Date.from(mail.at());
    Document outcome =
        new Document("participantId", mail.participantId())
            .append("mailId", mail.mailId())
            .append("status", mail.status().name())
            .append("at", at);
    if (mail.reason() != null) {
      outcome.append("reason", mail.reason());
    }
    // by the report's position (the embedded server does not apply several positional ($)
    // operators in one update); the filter names the report there, so a shifted array is retried
    for (int attempt = 0; attempt < 5; attempt++) {
      Document doc =
          partnerships.find(eq("_id", id)).projection(Projections.include("reports.id")).first();
      if (doc == null) {
        return;
      }
      List<Document> reports = doc.getList("reports", Document.class, List.of());
      int i = 0;
      while (i < reports.size() && !reportId.equals(reports.get(i).getString("id"))) {
        i++;
      }
      if (i == reports.size()) {
        return; // the report is gone (its author erased their data)
      }
      String reminder = "reports." + i + ".reminder.";
      String time =
          reminder + (mail.status() == Partnership.ReminderMailStatus.SENT ? "sentAt" : "failedAt");
      if (partnerships
              .updateOne(
                  new Document("_id", id).append("reports." + i + ".id", reportId),
                  Updates.combine(
                      Updates.set(reminder + "mails." + fieldKey(mail.mailId()), outcome),
                      Updates.min(time, at)))
              .getMatchedCount()
          == 1) {
        return;
      }
    }
  }

  /** A map key made of an id: no dot or dollar may survive in a field name. */
  static String fieldKey(String id) {
    return id.replace('.', '_').replace('$', '_');
  }

  @Override
  public boolean flagQuiet(Partnership p, Partnership.QuietFlag flag, List<?> events) {
    Document doc =
        new Document("_id", flagId(p.id(), flag.reason(), flag.reportId()))
            .append("partnershipId", p.id())
            .append("cycleId", p.cycleId())
            .append("reason", flag.reason().name())
            .append("flaggedAt", Date.from(flag.flaggedAt()));
    if (flag.reportId() != null) {
      doc.append("reportId", flag.reportId());
    }
    outbox.attach(doc, events);
    try {
      flags.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    outbox.inserted(QUIET_FLAGS, doc);
    if (flag.reportId() != null) {
      closeReport(p.id(), flag.reportId(), Partnership.ReportStatus.FLAGGED, flag.flaggedAt());
    }
    return true;
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
    partnerships.updateOne(eq("_id", id), Updates.max(activityField(participantId), Date.from(at)));
  }

  /** {@code activity.<participant>}: a field name, so no dot or dollar may survive in it. */
  static String activityField(String participantId) {
    return "activity." + participantId.replace('.', '_').replace('$', '_');
  }

  @Override
  public void eraseMember(String id, String participantId) {
    partnerships.updateOne(
        and(eq("_id", id), eq("members.participantId", participantId)),
        Updates.combine(
            Updates.unset("members.$.timeZone"),
            Updates.unset("members.$.locale"),
            Updates.pull("reports", new Document("by", participantId))));
    // what they wrote goes; that they answered stays (the partnership's engagement figures)
    Document p = partnerships.find(eq("_id", id)).first();
    if (p != null) {
      List<String> theirs = new ArrayList<>();
      for (int n : p.getList("touchpoints", Integer.class, List.of())) {
        theirs.add(answerId(id, participantId, n));
      }
      if (!theirs.isEmpty()) {
        answers.updateMany(in("_id", theirs), Updates.unset("comments"));
      }
    }
  }

  @Override
  public List<Partnership> quietOf(String cycleId) {
    // the flags are few: found by cycle (indexed on a real MongoDB), the partnerships by _id
    Map<String, Instant> first = new HashMap<>();
    for (Document f :
        flags
            .find(eq("cycleId", cycleId))
            .projection(Projections.include("partnershipId", "flaggedAt"))) {
      first.merge(
          f.getString("partnershipId"), f.getDate("flaggedAt").toInstant(), Partnership::earlier);
    }
    // reported silences (a staff query: by cycle, scans on the embedded server)
    for (Document p :
        partnerships
            .find(and(eq("cycleId", cycleId), Filters.exists("reports.0")))
            .projection(Projections.include("reports.at"))) {
      for (Document r : p.getList("reports", Document.class, List.of())) {
        first.merge(p.getString("_id"), r.getDate("at").toInstant(), Partnership::earlier);
      }
    }
    List<String> ids =
        first.entrySet().stream()
            .sorted(
                Map.Entry.<String, Instant>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    return findAll(ids);
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
        .append("touchpoints", p.touchpoints())
        .append("reports", p.reports().stream().map(MongoPartnerships::report).toList());
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
    if (r.reminder() != null) {
      doc.append("reminder", reminder(r.reminder()));
    }
    return doc;
  }

  private static Document reminder(Partnership.Reminder r) {
    Document doc = new Document("reminded", r.reminded()).append("mails", new Document());
    if (r.requestedAt() != null) {
      doc.append("requestedAt", Date.from(r.requestedAt()));
    }
    if (r.previousReminderAt() != null) {
      doc.append("previousReminderAt", Date.from(r.previousReminderAt()));
    }
    if (r.sentAt() != null) {
      doc.append("sentAt", Date.from(r.sentAt()));
    }
    if (r.failedAt() != null) {
      doc.append("failedAt", Date.from(r.failedAt()));
    }
    for (Partnership.ReminderMail m : r.mails()) {
      Document mail =
          new Document("participantId", m.participantId())
              .append("mailId", m.mailId())
              .append("status", m.status().name())
              .append("at", Date.from(m.at()));
      if (m.reason() != null) {
        mail.append("reason", m.reason());
      }
      doc.get("mails", Document.class).append(fieldKey(m.mailId()), mail);
    }
    return doc;
  }

  private static Partnership.@Nullable Reminder reminder(@Nullable Document d) {
    if (d == null) {
      return null;
    }
    Document mails = d.get("mails", Document.class);
    List<Partnership.ReminderMail> list = new ArrayList<>();
    if (mails != null) {
      for (Object value : mails.values()) {
        Document m = (Document) value;
        list.add(
            new Partnership.ReminderMail(
                m.getString("participantId"),
                m.getString("mailId"),
                Partnership.ReminderMailStatus.valueOf(m.getString("status")),
                m.getDate("at").toInstant(),
                m.getString("reason")));
      }
    }
    list.sort(java.util.Comparator.comparing(Partnership.ReminderMail::at));
    return new Partnership.Reminder(
        instant(d.getDate("requestedAt")),
        d.getList("reminded", String.class, List.of()),
        instant(d.getDate("previousReminderAt")),
        instant(d.getDate("sentAt")),
        instant(d.getDate("failedAt")),
        list);
  }

  static Partnership partnership(Document d, List<Document> answerDocs, List<Document> flagDocs) {
    Document activity = d.get("activity", Document.class);
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
                        activity == null
                            ? null
                            : instant(
                                activity.getDate(
                                    activityField(m.getString("participantId"))
                                        .substring("activity.".length())))))
            .toList(),
        d.getInteger("first", 0),
        d.getInteger("last", 0),
        d.getInteger("checkIn"),
        d.getList("touchpoints", Integer.class, List.of()),
        answerDocs.stream()
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
            .sorted(java.util.Comparator.comparing(Answer::at))
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
                        instant(r.getDate("resolvedAt")),
                        reminder(r.get("reminder", Document.class))))
            .toList(),
        flagDocs.stream()
            .map(
                q ->
                    new Partnership.QuietFlag(
                        Partnership.QuietReason.valueOf(q.getString("reason")),
                        q.getDate("flaggedAt").toInstant(),
                        q.getString("reportId")))
            .sorted(java.util.Comparator.comparing(Partnership.QuietFlag::flaggedAt))
            .toList(),
        instant(d.getDate(LAST_REMINDER)));
  }

  private static @Nullable Instant instant(@Nullable Date date) {
    return date == null ? null : date.toInstant();
  }
}
