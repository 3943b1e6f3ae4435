package org.penpals.prompt.partnership.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.penpals.prompt.partnership.application.DueIndex;
import org.penpals.prompt.partnership.domain.Timer;

/**
 * Timers in MongoDB, found by {@code _id} only (the embedded MongoDB-wire server uses no other
 * index; real MongoDB needs none):
 *
 * <ul>
 *   <li>{@code due_timers}: {@code _id = <epoch minute>#<bucket>}, the timers due in that minute,
 *       spread over {@code buckets} documents so that none grows large (50,000 partnerships due in
 *       one minute are 100,000 timers);
 *   <li>{@code due_minutes}: {@code _id = <UTC date>}, the minutes of that day that have timers;
 *   <li>{@code due_cursor}: {@code announced}, the last minute a round has started to read, and
 *       {@code done}, the last minute every round finished.
 * </ul>
 *
 * A round announces the minute it reads up to <em>before</em> reading; a filer writes its timer
 * <em>before</em> reading {@code announced}. One of the two always sees the other: either the round
 * reads the timer, or the filer sees the minute taken and files the timer again under the first
 * minute no round has taken. Nothing filed is missed, and no query ever scans.
 */
public class MongoDueIndex implements DueIndex {
  public static final String TIMERS = "due_timers";
  public static final String MINUTES = "due_minutes";
  public static final String CURSOR = "due_cursor";
  private static final String CURSOR_ID = "cursor";
  private static final long MINUTE = 60_000;

  private final MongoCollection<Document> timers;
  private final MongoCollection<Document> minutes;
  private final MongoCollection<Document> cursor;
  private final int buckets;
  private final Set<Long> listed =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                  return size() > 10_000;
                }
              }));

  public MongoDueIndex(MongoDatabase database, int buckets) {
    this.timers = database.getCollection(TIMERS);
    this.minutes = database.getCollection(MINUTES);
    this.cursor = database.getCollection(CURSOR);
    this.buckets = buckets;
  }

  /** The minute a timer is filed under: its time rounded up, so the minute never comes early. */
  static long minuteOf(Instant at) {
    return Math.floorDiv(at.toEpochMilli() + MINUTE - 1, MINUTE);
  }

  static String day(long minute) {
    return LocalDate.ofEpochDay(Math.floorDiv(minute, 1440)).toString();
  }

  private String bucket(long minute, int b) {
    return minute + "#" + b;
  }

  private List<String> buckets(long minute) {
    List<String> ids = new ArrayList<>(buckets);
    for (int b = 0; b < buckets; b++) {
      ids.add(bucket(minute, b));
    }
    return ids;
  }

  // ------------------------------------------------------------------ filing

  @Override
  public void file(Collection<? extends Timer> list) {
    Map<Long, List<Timer>> byMinute = new TreeMap<>();
    for (Timer t : list) {
      byMinute.computeIfAbsent(minuteOf(t.at()), m -> new ArrayList<>()).add(t);
    }
    byMinute.forEach(this::fileAt);
  }

  private void fileAt(long minute, List<Timer> list) {
    long m = minute;
    while (true) {
      if (!listed.contains(m)) {
        minutes.updateOne(
            eq("_id", day(m)), Updates.addToSet("minutes", m), new UpdateOptions().upsert(true));
        listed.add(m);
      }
      Map<Integer, List<Document>> byBucket = new TreeMap<>();
      for (Timer t : list) {
        Document item = item(t);
        int b = Math.floorMod(item.getString("p").hashCode(), buckets);
        byBucket.computeIfAbsent(b, x -> new ArrayList<>()).add(item);
      }
      List<WriteModel<Document>> writes = new ArrayList<>(byBucket.size());
      for (var entry : byBucket.entrySet()) {
        writes.add(
            new UpdateOneModel<>(
                eq("_id", bucket(m, entry.getKey())),
                Updates.addEachToSet("items", entry.getValue()),
                new UpdateOptions().upsert(true)));
      }
      timers.bulkWrite(writes, new BulkWriteOptions().ordered(false));
      Document c = cursor.find(eq("_id", CURSOR_ID)).first();
      Object announced = c == null ? null : c.get("announced");
      if (announced == null || ((Number) announced).longValue() < m) {
        return;
      }
      // a round has taken this minute already: file under the first minute no round has taken
      m = ((Number) announced).longValue() + 1;
    }
  }

  private static Document item(Timer t) {
    if (t instanceof Timer.Send s) {
      return new Document("k", "S").append("p", s.planId()).append("n", s.number());
    }
    if (t instanceof Timer.QuietCheck q) {
      return new Document("k", "Q").append("p", q.partnershipId());
    }
    if (t instanceof Timer.ProgrammeStart s) {
      return new Document("k", "PS").append("p", s.cycleId());
    }
    if (t instanceof Timer.ProgrammeEnd e) {
      return new Document("k", "PE").append("p", e.cycleId());
    }
    Timer.ReportCheck r = (Timer.ReportCheck) t;
    return new Document("k", "R").append("p", r.partnershipId()).append("r", r.reportId());
  }

  private static Timer timer(Document item, Instant at) {
    return switch (item.getString("k")) {
      case "S" -> new Timer.Send(item.getString("p"), item.getInteger("n"), at);
      case "Q" -> new Timer.QuietCheck(item.getString("p"), at);
      case "R" -> new Timer.ReportCheck(item.getString("p"), item.getString("r"), at);
      case "PS" -> new Timer.ProgrammeStart(item.getString("p"), at);
      case "PE" -> new Timer.ProgrammeEnd(item.getString("p"), at);
      default -> throw new IllegalStateException("unknown timer " + item.toJson());
    };
  }

  // ------------------------------------------------------------------ rounds

  @Override
  public List<Instant> begin(Instant now) {
    long until = Math.floorDiv(now.toEpochMilli(), MINUTE);
    Document c = cursor.find(eq("_id", CURSOR_ID)).first();
    Object done = c == null ? null : c.get("done");
    if (done != null && ((Number) done).longValue() >= until) {
      return List.of();
    }
    // announce before reading: whatever is filed into these minutes from now on moves on
    Document announced =
        cursor.findOneAndUpdate(
            eq("_id", CURSOR_ID),
            Updates.max("announced", until),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    done = announced.get("done");
    long from;
    if (done == null) {
      // no round ever finished: start at the earliest minute ever filed (one small read, once)
      Document earliest = minutes.find().sort(Sorts.ascending("_id")).limit(1).first();
      if (earliest == null) {
        return List.of();
      }
      from = minutesOf(earliest).first() - 1;
    } else {
      from = ((Number) done).longValue();
    }
    if (from >= until) {
      return List.of();
    }
    List<String> days = new ArrayList<>();
    for (long d = Math.floorDiv(from + 1, 1440); d <= Math.floorDiv(until, 1440); d++) {
      days.add(LocalDate.ofEpochDay(d).toString());
    }
    TreeSet<Long> due = new TreeSet<>();
    for (Document day : minutes.find(in("_id", days))) {
      for (long m : minutesOf(day)) {
        if (m > from && m <= until) {
          due.add(m);
        }
      }
    }
    return due.stream().map(m -> Instant.ofEpochMilli(m * MINUTE)).toList();
  }

  @Override
  public List<Timer> timersAt(Instant minute) {
    long m = Math.floorDiv(minute.toEpochMilli(), MINUTE);
    List<Timer> list = new ArrayList<>();
    for (Document doc : timers.find(in("_id", buckets(m)))) {
      for (Document item : doc.getList("items", Document.class, List.of())) {
        list.add(timer(item, minute));
      }
    }
    return list;
  }

  @Override
  public void done(Instant minute) {
    long m = Math.floorDiv(minute.toEpochMilli(), MINUTE);
    cursor.updateOne(eq("_id", CURSOR_ID), Updates.max("done", m));
    // handled: anything filed into this minute from now on is filed again further on
    timers.deleteMany(in("_id", buckets(m)));
  }

  @Override
  public void finish(Instant now) {
    long until = Math.floorDiv(now.toEpochMilli(), MINUTE);
    Document before =
        cursor.findOneAndUpdate(
            eq("_id", CURSOR_ID),
            Updates.max("done", until),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
    Object previous = before == null ? null : before.get("done");
    if (previous != null) {
      long today = Math.floorDiv(until, 1440);
      List<String> past = new ArrayList<>();
      for (long d = Math.floorDiv(((Number) previous).longValue(), 1440); d < today; d++) {
        past.add(LocalDate.ofEpochDay(d).toString());
      }
      if (!past.isEmpty()) {
        minutes.deleteMany(in("_id", past));
      }
    }
  }

  private static TreeSet<Long> minutesOf(Document day) {
    TreeSet<Long> set = new TreeSet<>();
    for (Object m : day.getList("minutes", Object.class, List.of())) {
      set.add(((Number) m).longValue());
    }
    return set;
  }
}
