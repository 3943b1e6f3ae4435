package org.penpals.registration.cycle.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.registration.CycleArchived;
import org.penpals.contracts.registration.CycleCompleted;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.CycleDrafted;
import org.penpals.contracts.registration.CycleRegistrationClosed;
import org.penpals.contracts.registration.CycleRegistrationOpened;
import org.penpals.contracts.registration.CycleRunning;
import org.penpals.contracts.registration.CycleUpdated;
import org.penpals.platform.outbox.Outbox;
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.cycle.domain.CycleSettings;
import org.penpals.registration.cycle.domain.CycleStatus;
import org.penpals.registration.cycle.domain.CycleTimeline;
import org.penpals.registration.cycle.domain.MatchingRun;
import org.penpals.registration.cycle.domain.PromptCadence;

/** Cycles in MongoDB, one document each, with their outbox and their place counters. */
public class MongoCycleRepository implements CycleRepository {
  public static final String COLLECTION = "cycles";

  /** Waitlist checks asked for and not yet made (a counter, so none is lost to a race). */
  static final String WAITLIST_REQUESTS = "waitlistRequests";

  /** When the waitlist was last checked. */
  static final String WAITLIST_CHECKED_AT = "waitlistCheckedAt";

  private final MongoCollection<Document> cycles;
  private final Outbox outbox;

  public MongoCycleRepository(MongoDatabase database, Outbox outbox) {
    this.cycles = database.getCollection(COLLECTION);
    this.outbox = outbox;
  }

  @Override
  public void insert(Cycle.Changed created) {
    Cycle cycle = created.cycle();
    Document doc = new Document("_id", cycle.id());
    fields(cycle).forEach(doc::append);
    doc.append("admitted", 0)
        .append("admittedByCountry", new Document())
        .append(WAITLIST_REQUESTS, 0L);
    cycles.insertOne(outbox.attach(doc, events(created)));
    outbox.inserted(COLLECTION, doc);
  }

  @Override
  public boolean update(Cycle.Changed changed) {
    Cycle cycle = changed.cycle();
    List<Bson> sets = new ArrayList<>();
    fields(cycle).forEach((name, value) -> sets.add(Updates.set(name, value)));
    sets.add(Updates.inc(WAITLIST_REQUESTS, 1L)); // any change may make room: check the waitlist
    List<Object> events = events(changed);
    if (!events.isEmpty()) {
      sets.add(outbox.append(events));
    }
    boolean updated =
        cycles
                .updateOne(
                    and(eq("_id", cycle.id()), eq("version", cycle.version() - 1)),
                    Updates.combine(sets))
                .getMatchedCount()
            == 1;
    if (updated && !events.isEmpty()) {
      outbox.written(COLLECTION, cycle.id());
    }
    return updated;
  }

  @Override
  public Optional<Cycle> find(String id) {
    return Optional.ofNullable(cycles.find(eq("_id", id)).first()).map(MongoCycleRepository::cycle);
  }

  @Override
  public List<Cycle> findAll() {
    return cycles
        .find()
        .sort(Sorts.descending("createdAt"))
        .map(MongoCycleRepository::cycle)
        .into(new ArrayList<>());
  }

  @Override
  public Occupancy occupancy(String cycleId) {
    Document doc = cycles.find(eq("_id", cycleId)).first();
    if (doc == null) {
      return new Occupancy(0, Map.of());
    }
    Map<String, Integer> byCountry = new HashMap<>();
    Document counts = doc.get("admittedByCountry", Document.class);
    if (counts != null) {
      counts.forEach((country, n) -> byCountry.put(country, ((Number) n).intValue()));
    }
    return new Occupancy(doc.getInteger("admitted", 0), byCountry);
  }

  @Override
  public Reservation reserve(
      String cycleId, String country, int capacity, int countryCap, boolean requireOpen) {
    String countryField = "admittedByCountry." + country;
    List<Bson> conditions = new ArrayList<>();
    conditions.add(eq("_id", cycleId));
    if (requireOpen) {
      conditions.add(eq("status", CycleStatus.REGISTRATION_OPEN.name()));
    }
    conditions.add(lt("admitted", capacity));
    conditions.add(or(exists(countryField, false), lt(countryField, countryCap)));
    boolean taken =
        cycles
                .updateOne(
                    and(conditions),
                    Updates.combine(Updates.inc("admitted", 1), Updates.inc(countryField, 1)))
                .getModifiedCount()
            == 1;
    if (taken) {
      return Reservation.ADMITTED;
    }
    Document now = cycles.find(eq("_id", cycleId)).first();
    if (now == null
        || (requireOpen && !CycleStatus.REGISTRATION_OPEN.name().equals(now.getString("status")))) {
      return Reservation.NOT_OPEN;
    }
    return now.getInteger("admitted", 0) >= capacity
        ? Reservation.OVER_CAPACITY
        : Reservation.OVER_COUNTRY_CAP;
  }

  @Override
  public void release(String cycleId, String country) {
    String countryField = "admittedByCountry." + country;
    cycles.updateOne(
        and(eq("_id", cycleId), gt("admitted", 0)),
        Updates.combine(
            Updates.inc("admitted", -1),
            Updates.inc(countryField, -1),
            Updates.inc(WAITLIST_REQUESTS, 1L)));
  }

  @Override
  public void occupy(String cycleId, String country) {
    cycles.updateOne(
        eq("_id", cycleId),
        Updates.combine(
            Updates.inc("admitted", 1), Updates.inc("admittedByCountry." + country, 1)));
  }

  @Override
  public Reservation transfer(
      String cycleId,
      String fromCountry,
      String toCountry,
      int capacity,
      int countryCap,
      boolean requireOpen) {
    String from = "admittedByCountry." + fromCountry;
    String to = "admittedByCountry." + toCountry;
    List<Bson> conditions = new ArrayList<>();
    conditions.add(eq("_id", cycleId));
    if (requireOpen) {
      conditions.add(eq("status", CycleStatus.REGISTRATION_OPEN.name()));
    }
    conditions.add(lte("admitted", capacity)); // the one leaving still counts here
    Bson update;
    if (fromCountry.equals(toCountry)) {
      conditions.add(lte(to, countryCap));
      update = Updates.inc("admitted", 0); // the place stays in the country
    } else {
      conditions.add(or(exists(to, false), lt(to, countryCap)));
      update = Updates.combine(Updates.inc(from, -1), Updates.inc(to, 1));
    }
    if (cycles.updateOne(and(conditions), update).getMatchedCount() == 1) {
      return Reservation.ADMITTED;
    }
    Document now = cycles.find(eq("_id", cycleId)).first();
    if (now == null
        || (requireOpen && !CycleStatus.REGISTRATION_OPEN.name().equals(now.getString("status")))) {
      return Reservation.NOT_OPEN;
    }
    return now.getInteger("admitted", 0) > capacity
        ? Reservation.OVER_CAPACITY
        : Reservation.OVER_COUNTRY_CAP;
  }

  @Override
  public void requestWaitlistCheck(String cycleId) {
    cycles.updateOne(eq("_id", cycleId), Updates.inc(WAITLIST_REQUESTS, 1L));
  }

  @Override
  public List<WaitlistCheck> waitlistChecksDue(Instant before) {
    return cycles
        .find(
            and(
                eq("status", CycleStatus.REGISTRATION_OPEN.name()),
                or(
                    gt(WAITLIST_REQUESTS, 0),
                    exists(WAITLIST_CHECKED_AT, false),
                    lt(WAITLIST_CHECKED_AT, Date.from(before)))))
        .projection(Projections.include(WAITLIST_REQUESTS))
        .map(d -> new WaitlistCheck(d.getString("_id"), requests(d)))
        .into(new ArrayList<>());
  }

  @Override
  public void waitlistChecked(WaitlistCheck due, Instant at) {
    Bson seen =
        due.requests() == 0
            ? or(exists(WAITLIST_REQUESTS, false), eq(WAITLIST_REQUESTS, 0L))
            : eq(WAITLIST_REQUESTS, due.requests());
    Bson checkedAt = Updates.set(WAITLIST_CHECKED_AT, Date.from(at));
    if (cycles
            .updateOne(
                and(eq("_id", due.cycleId()), seen),
                Updates.combine(Updates.set(WAITLIST_REQUESTS, 0L), checkedAt))
            .getMatchedCount()
        == 0) {
      // more checks were asked for meanwhile: they stay due
      cycles.updateOne(eq("_id", due.cycleId()), checkedAt);
    }
  }

  private static long requests(Document doc) {
    Object requests = doc.get(WAITLIST_REQUESTS);
    return requests == null ? 0 : ((Number) requests).longValue();
  }

  // ------------------------------------------------------------------ mapping

  private static Map<String, @Nullable Object> fields(Cycle cycle) {
    CycleSettings s = cycle.settings();
    Map<String, @Nullable Object> fields = new java.util.LinkedHashMap<>();
    fields.put("name", s.name());
    fields.put("registrationOpensAt", Date.from(s.registrationOpensAt()));
    fields.put("registrationClosesAt", Date.from(s.registrationClosesAt()));
    fields.put("partnershipStartsOn", s.partnershipStartsOn().toString());
    fields.put("lengthWeeks", s.lengthWeeks());
    fields.put("promptCadence", s.promptCadence().name());
    fields.put("promptWeekday", s.promptWeekday().name());
    fields.put("promptLocalHour", s.promptLocalHour());
    fields.put("capacity", s.capacity());
    fields.put("countryCapPercent", s.countryCapPercent());
    fields.put("status", cycle.status().name());
    fields.put("version", cycle.version());
    fields.put("createdAt", Date.from(cycle.createdAt()));
    fields.put("updatedAt", Date.from(cycle.updatedAt()));
    CycleTimeline t = cycle.timeline();
    fields.put("programmeStartedAt", date(t.programmeStartedAt()));
    fields.put("programmeEndedAt", date(t.programmeEndedAt()));
    fields.put("runningSince", date(t.runningSince()));
    fields.put("completedAt", date(t.completedAt()));
    fields.put("archivedAt", date(t.archivedAt()));
    MatchingRun run = t.lastRun();
    fields.put(
        "lastRun",
        run == null
            ? null
            : new Document("runId", run.runId())
                .append("people", run.people())
                .append("matched", run.matched())
                .append("gap", run.gap())
                .append("completedAt", Date.from(run.completedAt())));
    return fields;
  }

  private static @Nullable Date date(@Nullable Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static @Nullable Instant instant(Document doc, String field) {
    Date date = doc.getDate(field);
    return date == null ? null : date.toInstant();
  }

  private static CycleTimeline timeline(Document doc) {
    Document run = doc.get("lastRun", Document.class);
    return new CycleTimeline(
        instant(doc, "programmeStartedAt"),
        instant(doc, "programmeEndedAt"),
        instant(doc, "runningSince"),
        instant(doc, "completedAt"),
        instant(doc, "archivedAt"),
        run == null
            ? null
            : new MatchingRun(
                run.getString("runId"),
                run.getInteger("people"),
                run.getInteger("matched"),
                ((Number) run.get("gap")).doubleValue(),
                run.getDate("completedAt").toInstant()));
  }

  private static Cycle cycle(Document doc) {
    return new Cycle(
        doc.getString("_id"),
        new CycleSettings(
            doc.getString("name"),
            doc.getDate("registrationOpensAt").toInstant(),
            doc.getDate("registrationClosesAt").toInstant(),
            LocalDate.parse(doc.getString("partnershipStartsOn")),
            doc.getInteger("lengthWeeks"),
            PromptCadence.valueOf(doc.getString("promptCadence")),
            DayOfWeek.valueOf(doc.getString("promptWeekday")),
            doc.getInteger("promptLocalHour"),
            doc.getInteger("capacity"),
            doc.getInteger("countryCapPercent")),
        CycleStatus.valueOf(doc.getString("status")),
        ((Number) doc.get("version")).longValue(),
        doc.getDate("createdAt").toInstant(),
        doc.getDate("updatedAt").toInstant(),
        timeline(doc));
  }

  /** Integration events a change owes (mapped explicitly from the domain change). */
  private List<Object> events(Cycle.Changed changed) {
    Cycle cycle = changed.cycle();
    List<Object> events = new ArrayList<>();
    for (Cycle.Change change : changed.changes()) {
      // each move carries the cycle as it was right after that move
      String id = cycle.id();
      events.add(event(id, cycle, change));
    }
    return events;
  }

  private static Object event(String id, Cycle cycle, Cycle.Change change) {
    if (change instanceof Cycle.Change.Drafted) {
      return new CycleDrafted(id, details(cycle, cycle.status()));
    }
    if (change instanceof Cycle.Change.Updated) {
      return new CycleUpdated(id, details(cycle, cycle.status()));
    }
    if (change instanceof Cycle.Change.Opened) {
      return new CycleRegistrationOpened(id, details(cycle, cycle.status()));
    }
    if (change instanceof Cycle.Change.Closed closed) {
      return new CycleRegistrationClosed(
          id, details(cycle, cycle.status()), (int) closed.admitted(), (int) closed.waitlisted());
    }
    if (change instanceof Cycle.Change.MatchingStarted) {
      return new CycleUpdated(id, details(cycle, CycleStatus.MATCHING));
    }
    if (change instanceof Cycle.Change.MatchesPublished) {
      return new CycleUpdated(id, details(cycle, CycleStatus.MATCHES_PUBLISHED));
    }
    if (change instanceof Cycle.Change.Running running) {
      return new CycleRunning(id, details(cycle, CycleStatus.RUNNING), running.startedAt());
    }
    if (change instanceof Cycle.Change.Completed completed) {
      return new CycleCompleted(id, details(cycle, CycleStatus.COMPLETED), completed.completedAt());
    }
    if (change instanceof Cycle.Change.Archived archived) {
      return new CycleArchived(id, details(cycle, CycleStatus.ARCHIVED), archived.archivedAt());
    }
    throw new IllegalArgumentException("unmapped change " + change);
  }

  static CycleDetails details(Cycle cycle, CycleStatus status) {
    CycleSettings s = cycle.settings();
    return new CycleDetails(
        s.name(),
        s.registrationOpensAt(),
        s.registrationClosesAt(),
        s.partnershipStartsOn(),
        s.lengthWeeks(),
        org.penpals.contracts.registration.PromptCadence.valueOf(s.promptCadence().name()),
        s.promptWeekday(),
        s.promptLocalHour(),
        s.capacity(),
        s.countryCapPercent(),
        org.penpals.contracts.registration.CycleStatus.valueOf(status.name()));
  }
}
