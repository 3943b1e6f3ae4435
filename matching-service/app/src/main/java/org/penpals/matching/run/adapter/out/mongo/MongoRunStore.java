package org.penpals.matching.run.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.penpals.contracts.matching.MatchingRunCompleted;
import org.penpals.matching.engine.Criterion;
import org.penpals.matching.engine.ExplanationLine;
import org.penpals.matching.engine.Group;
import org.penpals.matching.engine.QualityReport;
import org.penpals.matching.engine.WaitlistReason;
import org.penpals.matching.engine.Waitlisted;
import org.penpals.matching.run.application.RunStore;
import org.penpals.matching.run.domain.Run;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;

/**
 * Runs ({@code runs}, each with the events it owes: {@code MatchingRunCompleted} when it finishes)
 * and their groups ({@code run_groups}, one document per group).
 */
public class MongoRunStore implements RunStore {
  public static final String RUNS = "runs";

  private final MongoCollection<Document> runs;
  private final MongoCollection<Document> groups;
  private final Outbox outbox;

  public MongoRunStore(MongoDatabase database, Outbox outbox) {
    this.runs = database.getCollection(RUNS);
    this.groups = database.getCollection("run_groups");
    this.outbox = outbox;
  }

  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(RUNS, Indexes.ascending("cycleId", "startedAt"), new IndexOptions()),
        new IndexSpec(
            RUNS,
            Indexes.ascending("_id", "status"),
            new IndexOptions().unique(true).name("runs_status")),
        new IndexSpec("run_groups", Indexes.ascending("runId", "index"), new IndexOptions()));
  }

  @Override
  public boolean insert(Run run) {
    try {
      runs.insertOne(document(run));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /** Sets the run's fields, leaving the events it still owes in place. */
  @Override
  public void update(Run run) {
    runs.updateOne(eq("_id", run.id()), fields(run), new UpdateOptions().upsert(true));
  }

  @Override
  public boolean finish(Run run) {
    List<Bson> update = new ArrayList<>();
    update.add(fields(run));
    if (run.completed() && run.quality() != null) {
      update.add(
          outbox.append(
              List.of(runCompleted(run, false, Objects.requireNonNull(run.finishedAt())))));
    }
    boolean finished =
        runs.updateOne(
                    new Document("_id", run.id()).append("status", "RUNNING"),
                    Updates.combine(update))
                .getModifiedCount()
            == 1;
    if (finished && update.size() > 1) {
      outbox.written(RUNS, run.id());
    }
    return finished;
  }

  private static Bson fields(Run run) {
    Document d = document(run);
    d.remove("_id");
    return new Document("$set", d);
  }

  /**
   * The integration event of a finished run: its quality report (pairs and trios as the engine
   * formed them), {@code published} as said.
   */
  public static MatchingRunCompleted runCompleted(Run run, boolean published, Instant at) {
    QualityReport q = Objects.requireNonNull(run.quality(), "a completed run has its report");
    int trios = q.inTrios();
    return new MatchingRunCompleted(
        run.id(),
        run.cycleId(),
        published,
        new org.penpals.contracts.matching.QualityReport(
            q.people(),
            q.matchableUpperBound(),
            q.matchedPeople() + q.inTrios(),
            q.objective(),
            q.upperBound(),
            q.relativeGap(),
            Math.max(0, q.matchedPeople() / 2 - trios),
            trios,
            q.waitlisted(),
            q.candidateEdges(),
            q.algorithm(),
            q.totalTime().toMillis()),
        at);
  }

  @Override
  public void progress(String runId, String phase, double fraction, String message) {
    runs.updateOne(
        eq("_id", runId),
        Updates.combine(
            Updates.set("phase", phase),
            Updates.set("fraction", fraction),
            Updates.set("message", message)));
  }

  @Override
  public Optional<Run> find(String runId) {
    return Optional.ofNullable(runs.find(eq("_id", runId)).first()).map(MongoRunStore::run);
  }

  @Override
  public List<Run> ofCycle(String cycleId) {
    return runs.find(eq("cycleId", cycleId))
        .sort(Sorts.descending("startedAt"))
        .map(MongoRunStore::run)
        .into(new ArrayList<>());
  }

  @Override
  public void saveGroups(String runId, List<Group> list) {
    List<Document> docs = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      docs.add(group(runId, i, list.get(i)));
    }
    for (int from = 0; from < docs.size(); from += 1000) {
      groups.insertMany(docs.subList(from, Math.min(docs.size(), from + 1000)));
    }
  }

  @Override
  public List<Group> groups(String runId) {
    return groups
        .find(eq("runId", runId))
        .sort(Sorts.ascending("index"))
        .map(MongoRunStore::group)
        .into(new ArrayList<>());
  }

  @Override
  public List<Group> groups(String runId, int page, int size) {
    return groups
        .find(eq("runId", runId))
        .sort(Sorts.ascending("index"))
        .skip(page * size)
        .limit(size)
        .map(MongoRunStore::group)
        .into(new ArrayList<>());
  }

  @Override
  public long groupCount(String runId) {
    return groups.countDocuments(eq("runId", runId));
  }

  @Override
  public void replaceGroups(String runId, Map<Integer, Group> byIndex) {
    byIndex.forEach(
        (index, group) ->
            groups.replaceOne(eq("_id", runId + ":" + index), group(runId, index, group)));
  }

  // ------------------------------------------------------------------ mapping

  private static Document group(String runId, int index, Group g) {
    return new Document("_id", runId + ":" + index)
        .append("runId", runId)
        .append("index", index)
        .append("members", g.members())
        .append("score", g.score())
        .append("locked", g.locked())
        .append(
            "explanation",
            g.explanation().stream()
                .map(
                    l ->
                        new Document("a", l.memberA())
                            .append("b", l.memberB())
                            .append("criterion", l.criterion().name())
                            .append("points", l.points())
                            .append("reason", l.reason()))
                .toList());
  }

  static Group group(Document d) {
    return new Group(
        d.getList("members", String.class),
        d.getInteger("score"),
        d.getList("explanation", Document.class).stream()
            .map(
                l ->
                    new ExplanationLine(
                        l.getString("a"),
                        l.getString("b"),
                        Criterion.valueOf(l.getString("criterion")),
                        l.getInteger("points"),
                        l.getString("reason")))
            .toList(),
        d.getBoolean("locked", false));
  }

  private static Document document(Run r) {
    Document d =
        new Document("_id", r.id())
            .append("cycleId", r.cycleId())
            .append("kind", r.kind())
            .append("status", r.status())
            .append("phase", r.phase())
            .append("fraction", r.fraction())
            .append("message", r.message())
            .append("startedAt", Date.from(r.startedAt()))
            .append("finishedAt", r.finishedAt() == null ? null : Date.from(r.finishedAt()))
            .append("error", r.error())
            .append("published", r.published())
            .append("adjusted", r.adjusted())
            .append(
                "waitlist",
                r.waitlist().stream()
                    .map(
                        w ->
                            new Document("id", w.candidateId())
                                .append("reason", w.reason().name())
                                .append("detail", w.detail()))
                    .toList());
    QualityReport q = r.quality();
    if (q != null) {
      Document timings = new Document();
      q.phaseTimings().forEach((phase, time) -> timings.append(phase, time.toMillis()));
      d.append(
          "quality",
          new Document("people", q.people())
              .append("matchedPeople", q.matchedPeople())
              .append("matchableUpperBound", q.matchableUpperBound())
              .append("objective", q.objective())
              .append("upperBound", q.upperBound())
              .append("gap", q.gap())
              .append("candidateEdges", q.candidateEdges())
              .append("denseGraph", q.denseGraph())
              .append("algorithm", q.algorithm())
              .append("optimal", q.optimal())
              .append("inTrios", q.inTrios())
              .append("waitlisted", q.waitlisted())
              .append("phaseTimingsMillis", timings));
    }
    return d;
  }

  static Run run(Document d) {
    Document q = d.get("quality", Document.class);
    QualityReport quality = null;
    if (q != null) {
      Map<String, Duration> timings = new LinkedHashMap<>();
      Document t = q.get("phaseTimingsMillis", Document.class);
      if (t != null) {
        t.forEach(
            (phase, millis) ->
                timings.put(phase, Duration.ofMillis(((Number) millis).longValue())));
      }
      quality =
          new QualityReport(
              q.getInteger("people"),
              q.getInteger("matchedPeople"),
              q.getInteger("matchableUpperBound"),
              ((Number) q.get("objective")).longValue(),
              ((Number) q.get("upperBound")).longValue(),
              ((Number) q.get("gap")).longValue(),
              q.getInteger("candidateEdges"),
              q.getBoolean("denseGraph"),
              q.getString("algorithm"),
              q.getBoolean("optimal"),
              q.getInteger("inTrios"),
              q.getInteger("waitlisted"),
              timings);
    }
    Date finished = d.getDate("finishedAt");
    return new Run(
        d.getString("_id"),
        d.getString("cycleId"),
        d.getString("kind"),
        d.getString("status"),
        d.getString("phase"),
        ((Number) d.get("fraction")).doubleValue(),
        d.getString("message"),
        d.getDate("startedAt").toInstant(),
        finished == null ? null : finished.toInstant(),
        quality,
        d.getList("waitlist", Document.class, List.of()).stream()
            .map(
                w ->
                    new Waitlisted(
                        w.getString("id"),
                        WaitlistReason.valueOf(w.getString("reason")),
                        w.getString("detail")))
            .toList(),
        d.getString("error"),
        d.getBoolean("published", false),
        d.getBoolean("adjusted", false));
  }
}
