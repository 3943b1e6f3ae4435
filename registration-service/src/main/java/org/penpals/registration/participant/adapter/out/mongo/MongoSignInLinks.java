package org.penpals.registration.participant.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.penpals.contracts.registration.SignInLinkRequested;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;
import org.penpals.registration.participant.application.SignInLinks;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.Profile;
import org.penpals.registration.participant.domain.SignInLink;

/**
 * {@code sign_in_links}: one document per link, {@code _id} = SHA-256 of its token, so a link is
 * found, and used up, by {@code _id} alone. The document is inserted together with the {@code
 * SignInLinkRequested} it owes (outbox), and deleted when used: a second use finds nothing.
 *
 * <p>{@code sign_in_requests}: how many links each person (keyed hash of the email, never the
 * email) asked for in a clock hour, {@code _id} = person key and hour.
 *
 * <p>Expired documents of both are removed by an explicit job (no TTL indexes, ADR 0004).
 */
public class MongoSignInLinks implements SignInLinks {
  public static final String LINKS = "sign_in_links";
  public static final String REQUESTS = "sign_in_requests";

  private final MongoCollection<Document> links;
  private final MongoCollection<Document> requests;
  private final Outbox outbox;

  public MongoSignInLinks(MongoDatabase database, Outbox outbox) {
    this.links = database.getCollection(LINKS);
    this.requests = database.getCollection(REQUESTS);
    this.outbox = outbox;
  }

  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(LINKS, Indexes.ascending("expiresAt"), new IndexOptions().name("by_expiry")),
        new IndexSpec(
            REQUESTS, Indexes.ascending("expiresAt"), new IndexOptions().name("by_expiry")));
  }

  @Override
  public long countRequest(String personKey, String windowId, Instant windowEnd) {
    Document counted =
        requests.findOneAndUpdate(
            eq("_id", personKey + "|" + windowId),
            Updates.combine(
                Updates.inc("count", 1), Updates.setOnInsert("expiresAt", Date.from(windowEnd))),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return counted == null ? 1 : ((Number) counted.get("count")).longValue();
  }

  @Override
  public void issue(SignInLink link, Participant participant, String token) {
    Profile profile = participant.profile();
    if (profile == null) {
      throw new IllegalArgumentException("an erased participant cannot sign in");
    }
    Document doc =
        new Document("_id", link.tokenHash())
            .append("participantId", link.participantId())
            .append("cycleId", link.cycleId())
            .append("expiresAt", Date.from(link.expiresAt()));
    outbox.attach(
        doc,
        List.of(
            new SignInLinkRequested(
                participant.id(),
                participant.cycleId(),
                profile.email(),
                profile.fullName(),
                profile.locale(),
                token,
                link.expiresAt())));
    links.insertOne(doc);
    outbox.inserted(LINKS, doc);
  }

  @Override
  public Optional<SignInLink> consume(String tokenHash) {
    Document used = links.findOneAndDelete(eq("_id", tokenHash));
    if (used == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SignInLink(
            used.getString("_id"),
            used.getString("participantId"),
            used.getString("cycleId"),
            used.getDate("expiresAt").toInstant()));
  }

  @Override
  public long purgeExpired(Instant now) {
    Date before = Date.from(now);
    return links.deleteMany(lt("expiresAt", before)).getDeletedCount()
        + requests.deleteMany(lt("expiresAt", before)).getDeletedCount();
  }
}
