package org.penpals.prompt.partnership.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.penpals.platform.outbox.Outbox;
import org.penpals.prompt.partnership.application.MemberPlans;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.MemberPlan;
import org.penpals.prompt.schedule.adapter.out.mongo.MongoScheduleStore;

/**
 * Member plans ({@code plans}, {@code _id = partnershipId/participantId}) and decided deliveries
 * ({@code deliveries}, {@code _id} = delivery id), in MongoDB.
 *
 * <p>A delivery is decided by <em>inserting</em> its document: the unique {@code _id} lets exactly
 * one writer win, and the {@code PromptDue} travels in that same document's outbox, so the decision
 * and its event are one atomic write. Every read and write is by {@code _id} alone — the only
 * lookup the embedded MongoDB-wire server serves from an index (a filter with any further field
 * scans the collection there), and the cheapest on a real MongoDB too.
 */
public class MongoMemberPlans implements MemberPlans {
  public static final String PLANS = "plans";
  public static final String DELIVERIES = "deliveries";

  private final MongoCollection<Document> plans;
  private final MongoCollection<Document> deliveries;
  private final Outbox outbox;

  public MongoMemberPlans(MongoDatabase database, Outbox outbox) {
    this.plans = database.getCollection(PLANS);
    this.deliveries = database.getCollection(DELIVERIES);
    this.outbox = outbox;
  }

  @Override
  public void insert(List<MemberPlan> list) {
    insertIgnoringDuplicates(plans, list.stream().map(MongoMemberPlans::document).toList());
  }

  @Override
  public Optional<MemberPlan> find(String id) {
    return Optional.ofNullable(plans.find(eq("_id", id)).first()).map(MongoMemberPlans::plan);
  }

  @Override
  public Map<String, MemberPlan> load(Collection<String> ids) {
    Map<String, MemberPlan> loaded = new HashMap<>();
    if (ids.isEmpty()) {
      return loaded;
    }
    for (Document d : plans.find(in("_id", ids))) {
      MemberPlan plan = plan(d);
      loaded.put(plan.id(), plan);
    }
    return loaded;
  }

  @Override
  public Set<String> decide(List<Decision> decisions) {
    if (decisions.isEmpty()) {
      return Set.of();
    }
    List<Document> docs = new ArrayList<>(decisions.size());
    for (Decision d : decisions) {
      Document doc = delivery(d.delivery(), d.plan());
      docs.add(d.event() == null ? doc : outbox.attach(doc, List.of(d.event())));
    }
    Set<Integer> lost = insertIgnoringDuplicates(deliveries, docs);
    // every decided prompt moves its plan on, whoever decided it (idempotent, by _id)
    List<WriteModel<Document>> moves = new ArrayList<>(decisions.size());
    for (Decision d : decisions) {
      moves.add(
          new UpdateOneModel<>(
              eq("_id", d.plan().id()), Updates.max("next", d.delivery().number() + 1)));
    }
    plans.bulkWrite(moves, new BulkWriteOptions().ordered(false));
    Set<String> won = new HashSet<>();
    for (int i = 0; i < decisions.size(); i++) {
      if (lost.contains(i)) {
        continue;
      }
      won.add(decisions.get(i).delivery().deliveryId());
      if (decisions.get(i).event() != null) {
        outbox.inserted(DELIVERIES, docs.get(i));
      }
    }
    return won;
  }

  @Override
  public void stop(Collection<String> ids, MemberPlan.Status status, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    List<Document> stopped = new ArrayList<>();
    for (MemberPlan plan : load(ids).values()) {
      for (int n = plan.next(); n <= plan.last(); n++) {
        Instant due = plan.timeZone() == null ? at : plan.dueAt(n);
        stopped.add(
            delivery(
                new Delivery(
                    plan.deliveryId(n),
                    plan.id(),
                    n,
                    Delivery.Status.STOPPED,
                    due,
                    at,
                    false,
                    null,
                    null),
                plan));
      }
    }
    // a scheduler racing this either decided its prompt first (sent before the stop) or loses
    insertIgnoringDuplicates(deliveries, stopped);
    plans.updateMany(in("_id", ids), Updates.set("status", status.name()));
  }

  @Override
  public void erase(String id, Instant at) {
    stop(List.of(id), MemberPlan.Status.ERASED, at);
    plans.updateOne(
        eq("_id", id), Updates.combine(Updates.unset("timeZone"), Updates.unset("locale")));
  }

  /** An aggregation over the cycle's sent deliveries, grouped by prompt number (staff only). */
  @Override
  public Map<Integer, Sent> sentPerNumber(String cycleId) {
    Map<Integer, Sent> sent = new HashMap<>();
    deliveries
        .aggregate(
            List.of(
                Aggregates.match(
                    new Document("cycleId", cycleId).append("status", Delivery.Status.SENT.name())),
                Aggregates.group(
                    "$n",
                    Accumulators.sum("count", 1),
                    Accumulators.sum("late", new Document("$cond", List.of("$late", 1, 0))))))
        .forEach(
            g ->
                sent.put(
                    ((Number) g.get("_id")).intValue(),
                    new Sent(
                        ((Number) g.get("count")).longValue(),
                        ((Number) g.get("late")).longValue())));
    return sent;
  }

  @Override
  public Map<String, Delivery> deliveries(Collection<String> deliveryIds) {
    Map<String, Delivery> found = new LinkedHashMap<>();
    if (deliveryIds.isEmpty()) {
      return found;
    }
    for (Document d :
        deliveries.find(in("_id", deliveryIds)).projection(Projections.exclude(Outbox.FIELD))) {
      found.put(d.getString("_id"), delivery(d));
    }
    return found;
  }

  /** Inserts; returns the positions that lost to an existing document with the same id. */
  private static Set<Integer> insertIgnoringDuplicates(
      MongoCollection<Document> collection, List<Document> docs) {
    if (docs.isEmpty()) {
      return Set.of();
    }
    try {
      collection.insertMany(docs, new InsertManyOptions().ordered(false));
      return Set.of();
    } catch (MongoBulkWriteException e) {
      Set<Integer> lost = new HashSet<>();
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        lost.add(error.getIndex());
      }
      return lost;
    }
  }

  // ------------------------------------------------------------------ mapping

  private static Document document(MemberPlan p) {
    Document doc =
        new Document("_id", p.id())
            .append("partnershipId", p.partnershipId())
            .append("cycleId", p.cycleId())
            .append("participantId", p.participantId())
            .append("timeZone", p.timeZone())
            .append("locale", p.locale());
    MongoScheduleStore.calendar(doc, p.calendar());
    return doc.append("first", p.first())
        .append("last", p.last())
        .append("next", p.next())
        .append("status", p.status().name());
  }

  static MemberPlan plan(Document d) {
    return new MemberPlan(
        d.getString("_id"),
        d.getString("partnershipId"),
        d.getString("cycleId"),
        d.getString("participantId"),
        d.getString("timeZone"),
        d.getString("locale"),
        MongoScheduleStore.calendar(d),
        d.getInteger("first"),
        d.getInteger("last"),
        d.getInteger("next"),
        MemberPlan.Status.valueOf(d.getString("status")));
  }

  private static Document delivery(Delivery d, MemberPlan plan) {
    Document doc =
        new Document("_id", d.deliveryId())
            .append("planId", d.planId())
            .append("partnershipId", plan.partnershipId())
            .append("participantId", plan.participantId())
            .append("cycleId", plan.cycleId())
            .append("n", d.number())
            .append("status", d.status().name())
            .append("dueAt", Date.from(d.dueAt()))
            .append("at", Date.from(d.at()))
            .append("late", d.late());
    if (d.promptId() != null) {
      doc.append("promptId", d.promptId());
    }
    if (d.kind() != null) {
      doc.append("kind", d.kind());
    }
    return doc;
  }

  private static Delivery delivery(Document d) {
    return new Delivery(
        d.getString("_id"),
        d.getString("planId"),
        d.getInteger("n"),
        Delivery.Status.valueOf(d.getString("status")),
        d.getDate("dueAt").toInstant(),
        d.getDate("at").toInstant(),
        d.getBoolean("late", false),
        d.getString("promptId"),
        d.getString("kind"));
  }
}
