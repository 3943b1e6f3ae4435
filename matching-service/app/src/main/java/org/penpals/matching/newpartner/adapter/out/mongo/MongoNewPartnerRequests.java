package org.penpals.matching.newpartner.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.newpartner.application.NewPartnerRequests;
import org.penpals.matching.newpartner.domain.NewPartnerRequest;
import org.penpals.platform.mongo.IndexSpec;

/**
 * Requests for a new partner in MongoDB ({@code new_partner_requests}); decisions are
 * compare-and-set writes on {@code {_id, status}} (ADR 0011).
 */
public class MongoNewPartnerRequests implements NewPartnerRequests {
  public static final String COLLECTION = "new_partner_requests";

  private final MongoCollection<Document> requests;

  public MongoNewPartnerRequests(MongoDatabase database) {
    this.requests = database.getCollection(COLLECTION);
  }

  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(COLLECTION, Indexes.ascending("cycleId", "requestedAt"), new IndexOptions()),
        new IndexSpec(
            COLLECTION, Indexes.ascending("participantId", "requestedAt"), new IndexOptions()),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("_id", "status"),
            new IndexOptions().unique(true).name("new_partner_requests_status")));
  }

  @Override
  public boolean insert(NewPartnerRequest r) {
    try {
      requests.insertOne(document(r));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<NewPartnerRequest> find(String requestId) {
    return Optional.ofNullable(requests.find(eq("_id", requestId)).first())
        .map(MongoNewPartnerRequests::request);
  }

  @Override
  public Optional<NewPartnerRequest> latestOf(String participantId) {
    return Optional.ofNullable(
            requests
                .find(eq("participantId", participantId))
                .sort(Sorts.descending("requestedAt", "_id"))
                .first())
        .map(MongoNewPartnerRequests::request);
  }

  @Override
  public List<NewPartnerRequest> ofCycle(String cycleId) {
    return requests
        .find(eq("cycleId", cycleId))
        .sort(Sorts.ascending("requestedAt", "_id"))
        .map(MongoNewPartnerRequests::request)
        .into(new ArrayList<>());
  }

  @Override
  public boolean decide(NewPartnerRequest decided) {
    return requests
            .updateOne(
                new Document("_id", decided.requestId())
                    .append("status", NewPartnerRequest.Status.AWAITING_APPROVAL.name()),
                Updates.combine(
                    Updates.set("status", decided.status().name()),
                    Updates.set("decidedAt", date(decided.decidedAt())),
                    Updates.set("decidedBy", decided.decidedBy()),
                    Updates.set("note", decided.note())))
            .getModifiedCount()
        == 1;
  }

  @Override
  public void carriedOut(String requestId) {
    requests.updateOne(eq("_id", requestId), Updates.set("carriedOut", true));
  }

  @Override
  public List<NewPartnerRequest> notCarriedOut(Instant before) {
    return requests
        .find(
            and(
                eq("status", NewPartnerRequest.Status.ACCEPTED.name()),
                eq("carriedOut", false),
                lt("decidedAt", Date.from(before))))
        .map(MongoNewPartnerRequests::request)
        .into(new ArrayList<>());
  }

  private static Document document(NewPartnerRequest r) {
    return new Document("_id", r.requestId())
        .append("cycleId", r.cycleId())
        .append("partnershipId", r.partnershipId())
        .append("participantId", r.participantId())
        .append("reportId", r.reportId())
        .append("quietMembers", r.quietMembers())
        .append("status", r.status().name())
        .append("requestedAt", Date.from(r.requestedAt()))
        .append("decidedAt", date(r.decidedAt()))
        .append("decidedBy", r.decidedBy())
        .append("note", r.note())
        .append("carriedOut", r.carriedOut());
  }

  private static @Nullable Date date(@Nullable Instant at) {
    return at == null ? null : Date.from(at);
  }

  static NewPartnerRequest request(Document d) {
    Date decided = d.getDate("decidedAt");
    return new NewPartnerRequest(
        d.getString("_id"),
        d.getString("cycleId"),
        d.getString("partnershipId"),
        d.getString("participantId"),
        d.getString("reportId"),
        d.getList("quietMembers", String.class, List.of()),
        NewPartnerRequest.Status.valueOf(d.getString("status")),
        d.getDate("requestedAt").toInstant(),
        decided == null ? null : decided.toInstant(),
        d.getString("decidedBy"),
        d.getString("note"),
        d.getBoolean("carriedOut", false));
  }
}
