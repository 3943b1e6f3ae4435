package org.penpals.prompt.schedule.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.Document;
import org.penpals.platform.outbox.Outbox;
import org.penpals.prompt.library.PromptKind;
import org.penpals.prompt.library.PromptLibrary;
import org.penpals.prompt.schedule.application.ScheduleStore;
import org.penpals.prompt.schedule.domain.Cadence;
import org.penpals.prompt.schedule.domain.CycleSchedule;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;
import org.penpals.prompt.schedule.domain.ScheduledWeek;
import org.penpals.prompt.schedule.domain.Topic;
import org.penpals.prompt.schedule.domain.Touchpoint;

/**
 * Schedules in MongoDB: {@code schedules} (one header per cycle, {@code _id} = cycle id) and {@code
 * schedule_weeks} (one document per prompt, {@code _id} = {@code cycleId#number}). Every read and
 * write is by {@code _id}.
 */
public class MongoScheduleStore implements ScheduleStore {
  public static final String HEADERS = "schedules";
  public static final String WEEKS = "schedule_weeks";

  private final MongoCollection<Document> headers;
  private final MongoCollection<Document> weeks;
  private final Outbox outbox;

  public MongoScheduleStore(MongoDatabase database, Outbox outbox) {
    this.headers = database.getCollection(HEADERS);
    this.weeks = database.getCollection(WEEKS);
    this.outbox = outbox;
  }

  static String weekId(String cycleId, int number) {
    return cycleId + "#" + number;
  }

  @Override
  public Optional<CycleSchedule> header(String cycleId) {
    return Optional.ofNullable(headers.find(eq("_id", cycleId)).first())
        .map(MongoScheduleStore::header);
  }

  @Override
  public CycleSchedule create(CycleSchedule header, List<ScheduledWeek> list) {
    try {
      weeks.insertMany(
          list.stream().map(MongoScheduleStore::document).toList(),
          new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (!e.getWriteErrors().stream()
          .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
        throw e;
      }
    }
    try {
      headers.insertOne(document(header));
      return header;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return header(header.cycleId()).orElseThrow();
    }
  }

  @Override
  public List<ScheduledWeek> weeks(String cycleId, int prompts) {
    List<String> ids = IntStream.rangeClosed(1, prompts).mapToObj(n -> weekId(cycleId, n)).toList();
    List<ScheduledWeek> list = new ArrayList<>();
    for (Document d : weeks.find(in("_id", ids))) {
      list.add(week(d));
    }
    list.sort(Comparator.comparingInt(ScheduledWeek::number));
    return list;
  }

  @Override
  public Optional<ScheduledWeek> week(String cycleId, int number) {
    return Optional.ofNullable(weeks.find(eq("_id", weekId(cycleId, number))).first())
        .map(MongoScheduleStore::week);
  }

  @Override
  public boolean replace(ScheduledWeek previous, ScheduledWeek edited) {
    Document set = new Document("topic", topic(edited.topic())).append("version", edited.version());
    if (edited.touchpoint() != null) {
      set.append("touchpoint", touchpoint(edited.touchpoint()));
    }
    return weeks
            .updateOne(
                and(
                    eq("_id", weekId(previous.cycleId(), previous.number())),
                    eq("sentAt", null),
                    eq("version", previous.version())),
                new Document("$set", set))
            .getModifiedCount()
        == 1;
  }

  @Override
  public ScheduledWeek markSent(String cycleId, int number, Instant at) {
    String id = weekId(cycleId, number);
    Document doc =
        weeks.findOneAndUpdate(
            and(eq("_id", id), eq("sentAt", null)),
            Updates.set("sentAt", Date.from(at)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (doc == null) {
      doc = weeks.find(eq("_id", id)).first();
    }
    if (doc == null) {
      throw new IllegalStateException("cycle " + cycleId + " has no prompt " + number);
    }
    return week(doc);
  }

  @Override
  public boolean setReportGrace(String cycleId, Duration grace) {
    return headers
            .updateOne(eq("_id", cycleId), Updates.set("reportGraceSeconds", grace.toSeconds()))
            .getMatchedCount()
        == 1;
  }

  @Override
  public boolean markProgrammeStarted(String cycleId, Instant at, List<?> events) {
    return markOnce(cycleId, "programmeStartedAt", at, events);
  }

  @Override
  public boolean markProgrammeEnded(String cycleId, Instant at, List<?> events) {
    return markOnce(cycleId, "programmeEndedAt", at, events);
  }

  /** Sets {@code field} if it is not set yet, with the events in the same write. */
  private boolean markOnce(String cycleId, String field, Instant at, List<?> events) {
    boolean done =
        headers
                .updateOne(
                    new Document("_id", cycleId).append(field, null),
                    Updates.combine(Updates.set(field, Date.from(at)), outbox.append(events)))
                .getModifiedCount()
            == 1;
    if (done) {
      outbox.written(HEADERS, cycleId);
    }
    return done;
  }

  @Override
  public List<CycleSchedule> withoutProgrammeTimers() {
    // a rare scan of a small collection (one document per cycle), once per instance start
    List<CycleSchedule> list = new ArrayList<>();
    for (Document d : headers.find(Filters.ne(PROGRAMME_TIMERS, true))) {
      list.add(header(d));
    }
    return list;
  }

  @Override
  public void programmeTimersFiled(String cycleId) {
    headers.updateOne(eq("_id", cycleId), Updates.set(PROGRAMME_TIMERS, true));
  }

  private static final String PROGRAMME_TIMERS = "programmeTimers";

  // ------------------------------------------------------------------ mapping

  private static Document document(CycleSchedule h) {
    return calendar(new Document("_id", h.cycleId()).append("name", h.name()), h.calendar())
        .append("prompts", h.prompts())
        .append("reportGraceSeconds", h.reportGrace().toSeconds())
        .append("createdAt", Date.from(h.createdAt()))
        .append(PROGRAMME_TIMERS, true);
  }

  private static CycleSchedule header(Document d) {
    return new CycleSchedule(
        d.getString("_id"),
        d.getString("name"),
        calendar(d),
        d.getInteger("prompts"),
        Duration.ofSeconds(((Number) d.get("reportGraceSeconds")).longValue()),
        d.getDate("createdAt").toInstant());
  }

  /** The calendar's fields, added to {@code doc}. */
  public static Document calendar(Document doc, ProgrammeCalendar c) {
    return doc.append("startsOn", c.startsOn().toString())
        .append("lengthWeeks", c.lengthWeeks())
        .append("cadence", c.cadence().name())
        .append("weekday", c.weekday().name())
        .append("hour", c.hour());
  }

  public static ProgrammeCalendar calendar(Document d) {
    return new ProgrammeCalendar(
        LocalDate.parse(d.getString("startsOn")),
        d.getInteger("lengthWeeks"),
        Cadence.valueOf(d.getString("cadence")),
        DayOfWeek.valueOf(d.getString("weekday")),
        d.getInteger("hour"));
  }

  private static Document document(ScheduledWeek w) {
    Document doc =
        new Document("_id", weekId(w.cycleId(), w.number()))
            .append("cycleId", w.cycleId())
            .append("number", w.number())
            .append("week", w.week())
            .append("date", w.date().toString())
            .append("topic", topic(w.topic()))
            .append("version", w.version());
    if (w.touchpoint() != null) {
      doc.append("touchpoint", touchpoint(w.touchpoint()));
    }
    return doc;
  }

  private static Document topic(Topic t) {
    return new Document("promptId", t.promptId())
        .append("title", t.title())
        .append("body", t.body())
        .append("theme", t.theme())
        .append("translations", PromptLibrary.translationsDocument(t.translations()));
  }

  private static Document touchpoint(Touchpoint t) {
    return new Document("promptId", t.promptId())
        .append("kind", t.kind().name())
        .append("title", t.title())
        .append("body", t.body())
        .append("translations", PromptLibrary.translationsDocument(t.translations()));
  }

  private static ScheduledWeek week(Document d) {
    Document t = d.get("topic", Document.class);
    Document tp = d.get("touchpoint", Document.class);
    Date sent = d.getDate("sentAt");
    return new ScheduledWeek(
        d.getString("cycleId"),
        d.getInteger("number"),
        d.getInteger("week"),
        LocalDate.parse(d.getString("date")),
        new Topic(
            t.getString("promptId"),
            t.getString("title"),
            t.getString("body"),
            t.getString("theme"),
            PromptLibrary.translations(t.get("translations", Document.class))),
        tp == null
            ? null
            : new Touchpoint(
                tp.getString("promptId"),
                PromptKind.valueOf(tp.getString("kind")),
                tp.getString("title"),
                tp.getString("body"),
                PromptLibrary.translations(tp.get("translations", Document.class))),
        sent == null ? null : sent.toInstant(),
        ((Number) d.get("version")).longValue());
  }
}
