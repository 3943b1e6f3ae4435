package org.penpals.prompt.partnership.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.penpals.platform.outbox.Outbox;
import org.penpals.prompt.partnership.application.MemberPlans;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.MemberPlan;
import org.penpals.prompt.schedule.adapter.out.mongo.MongoScheduleStore;

/**
 * Member plans in MongoDB ({@code plans}, {@code _id = partnershipId/participantId}), each with the
 * {@code PromptDue} events it owes in its own outbox.
 */
public class MongoMemberPlans implements MemberPlans {
  public static final String COLLECTION = "plans";

  private final MongoCollection<Document> plans;
  private final Outbox outbox;

  public MongoMemberPlans(MongoDatabase database, Outbox outbox) {
    this.plans = database.getCollection(COLLECTION);
    this.outbox = outbox;
  }

  @Override
  public void insert(List<MemberPlan> list) {
    if (list.isEmpty()) {
      return;
    }
    try {
      plans.insertMany(
          list.stream().map(MongoMemberPlans::document).toList(),
          new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (!e.getWriteErrors().stream()
          .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
        throw e;
      }
    }
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
    for (Document d : plans.find(in("_id", ids)).projection(Projections.exclude(Outbox.FIELD))) {
      MemberPlan plan = plan(d);
      loaded.put(plan.id(), plan);
    }
    return loaded;
  }

  @Override
  public Set<String> claim(List<Claim> claims) {
    if (claims.isEmpty()) {
      return Set.of();
    }
    String token = UUID.randomUUID().toString();
    List<WriteModel<Document>> writes = new ArrayList<>(claims.size());
    Set<String> ids = new HashSet<>();
    for (Claim c : claims) {
      ids.add(c.planId());
      List<Bson> update = new ArrayList<>();
      update.add(Updates.set("next", c.number() + 1));
      update.add(Updates.set("lastClaim", token));
      update.add(Updates.push("history", delivery(c.delivery())));
      if (c.event() != null) {
        update.add(outbox.append(List.of(c.event())));
      }
      writes.add(
          new UpdateOneModel<>(
              and(
                  eq("_id", c.planId()),
                  eq("status", MemberPlan.Status.ACTIVE.name()),
                  eq("next", c.number())),
              Updates.combine(update)));
    }
    plans.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    Set<String> claimed = new HashSet<>();
    for (Document d : plans.find(in("_id", ids)).projection(Projections.include("lastClaim"))) {
      if (token.equals(d.getString("lastClaim"))) {
        claimed.add(d.getString("_id"));
      }
    }
    for (Claim c : claims) {
      if (c.event() != null && claimed.contains(c.planId())) {
        outbox.written(COLLECTION, c.planId());
      }
    }
    return claimed;
  }

  @Override
  public void stop(Collection<String> ids, MemberPlan.Status status) {
    if (ids.isEmpty()) {
      return;
    }
    plans.updateMany(
        and(in("_id", ids), eq("status", MemberPlan.Status.ACTIVE.name())),
        Updates.set("status", status.name()));
  }

  @Override
  public void erase(String id) {
    plans.updateOne(
        eq("_id", id),
        Updates.combine(
            Updates.set("status", MemberPlan.Status.ERASED.name()),
            Updates.unset("timeZone"),
            Updates.unset("locale")));
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
        .append("status", p.status().name())
        .append("history", p.history().stream().map(MongoMemberPlans::delivery).toList());
  }

  private static Document delivery(Delivery d) {
    Document doc =
        new Document("n", d.number())
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
        MemberPlan.Status.valueOf(d.getString("status")),
        d.getList("history", Document.class, List.of()).stream()
            .map(
                h ->
                    new Delivery(
                        h.getInteger("n"),
                        Delivery.Status.valueOf(h.getString("status")),
                        h.getDate("dueAt").toInstant(),
                        h.getDate("at").toInstant(),
                        h.getBoolean("late", false),
                        h.getString("promptId"),
                        h.getString("kind")))
            .toList());
  }
}
