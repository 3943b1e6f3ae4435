package org.penpals.matching.rematch.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.penpals.matching.rematch.application.RematchQueue;
import org.penpals.matching.rematch.domain.RematchRequest;
import org.penpals.platform.mongo.IndexSpec;

/**
 * The re-matching queue in MongoDB ({@code rematch_requests}, one document per cycle, {@code _id} =
 * cycle id). Changes are compare-and-set writes on {@code {_id, rev}}, served by a unique index on
 * exactly those fields (ADR 0011).
 */
public class MongoRematchQueue implements RematchQueue {
  public static final String COLLECTION = "rematch_requests";

  private final MongoCollection<Document> requests;

  public MongoRematchQueue(MongoDatabase database) {
    this.requests = database.getCollection(COLLECTION);
  }

  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("_id", "rev"),
            new IndexOptions().unique(true).name("rematch_requests_rev")));
  }

  @Override
  public void ask(String cycleId, Instant now, Instant dueAt) {
    Bson update =
        Updates.combine(
            Updates.setOnInsert("state", RematchRequest.State.PENDING.name()),
            Updates.setOnInsert("requestedAt", Date.from(now)),
            Updates.setOnInsert("attempts", 0),
            Updates.min("dueAt", Date.from(dueAt)),
            Updates.set("askedAt", Date.from(now)),
            Updates.inc("rev", 1L));
    try {
      requests.updateOne(eq("_id", cycleId), update, new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // two first asks raced: the other one inserted it; ask once more, as an update
      requests.updateOne(eq("_id", cycleId), update);
    }
  }

  @Override
  public Optional<RematchRequest> find(String cycleId) {
    return Optional.ofNullable(requests.find(eq("_id", cycleId)).first())
        .map(MongoRematchQueue::request);
  }

  @Override
  public List<RematchRequest> due(Instant now) {
    return requests
        .find(or(eq("state", RematchRequest.State.STARTED.name()), lte("dueAt", Date.from(now))))
        .map(MongoRematchQueue::request)
        .into(new ArrayList<>());
  }

  @Override
  public boolean start(RematchRequest request, String runId) {
    return change(
        request,
        Updates.combine(
            Updates.set("state", RematchRequest.State.STARTED.name()),
            Updates.set("runId", runId),
            Updates.inc("rev", 1L)));
  }

  @Override
  public boolean retry(RematchRequest request, Instant dueAt, int attempts) {
    return change(
        request,
        Updates.combine(
            Updates.set("state", RematchRequest.State.PENDING.name()),
            Updates.set("dueAt", Date.from(dueAt)),
            Updates.set("attempts", attempts),
            Updates.unset("runId"),
            Updates.inc("rev", 1L)));
  }

  @Override
  public boolean remove(RematchRequest request) {
    return requests.deleteOne(expected(request)).getDeletedCount() == 1;
  }

  @Override
  public void drop(String cycleId) {
    requests.deleteOne(eq("_id", cycleId));
  }

  private boolean change(RematchRequest request, Bson update) {
    return requests.updateOne(expected(request), update).getModifiedCount() == 1;
  }

  private static Document expected(RematchRequest request) {
    return new Document("_id", request.cycleId()).append("rev", request.rev());
  }

  static RematchRequest request(Document d) {
    return new RematchRequest(
        d.getString("_id"),
        RematchRequest.State.valueOf(d.getString("state")),
        ((Number) d.get("rev")).longValue(),
        d.getDate("requestedAt").toInstant(),
        d.getDate("dueAt").toInstant(),
        d.getString("runId"),
        ((Number) d.get("attempts")).intValue());
  }
}
