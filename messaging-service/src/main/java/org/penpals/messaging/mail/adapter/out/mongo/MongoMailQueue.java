package org.penpals.messaging.mail.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.messaging.MailFailed;
import org.penpals.contracts.messaging.MailSent;
import org.penpals.messaging.mail.application.MailQueue;
import org.penpals.messaging.mail.domain.Mail;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.messaging.mail.domain.MailKind;
import org.penpals.messaging.mail.domain.MailStatus;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;

/**
 * Mails in MongoDB, one document each, {@code _id} = the mail's natural key; a change to SENT or
 * FAILED pushes its integration event into the same document (outbox, ADR 0003).
 *
 * <p>The hot path (store, claim, record the outcome) finds its document by {@code _id} and makes
 * its change conditional on one more field, compared for equality: a claim on {@code rev} (a
 * revision every change of status or lease increments: optimistic concurrency, so a claimer acting
 * on a stale read loses), an outcome on {@code lease}. Filters are plain documents {@code {_id: x,
 * rev: n}} (the driver's {@code Filters.and} renders {@code $and}), each served by a unique index
 * on exactly those two fields: real MongoDB needs only {@code _id}, but the embedded MongoDB-wire
 * server uses an index only when the filter's fields are exactly the index's, and otherwise scans
 * the collection, which made a 100,000-mail week quadratic (ADR 0011).
 */
public class MongoMailQueue implements MailQueue {
  public static final String COLLECTION = "mails";

  /**
   * One document per participant ({@code _id} = participant id) listing the ids of their notice
   * mails, so the portal's notices are read by {@code _id} on both servers (the embedded one
   * ignores the non-unique {@code participantId} index and would scan every mail).
   */
  public static final String NOTICES = "notices";

  private static final List<String> CONTENT = List.of("subject", "text", "html");
  private static final String REV = "rev";
  private static final String LEASE = "lease";

  private final MongoCollection<Document> mails;
  private final MongoCollection<Document> notices;
  private final Outbox outbox;

  public MongoMailQueue(MongoDatabase database, Outbox outbox) {
    this.mails = database.getCollection(COLLECTION);
    this.notices = database.getCollection(NOTICES);
    this.outbox = outbox;
  }

  /** Indexes for the sweeps and staff queries (a real MongoDB uses them; hot paths need none). */
  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("status", "nextAttemptAt"),
            new IndexOptions().name("mails_due")),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("participantId", "createdAt"),
            new IndexOptions().name("mails_participant")),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("partnershipId"),
            new IndexOptions().name("mails_partnership")),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("_id", REV),
            new IndexOptions().name("mails_claim").unique(true)),
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("_id", LEASE),
            new IndexOptions().name("mails_lease").unique(true)));
  }

  @Override
  public boolean enqueue(Mail mail) {
    MailContent content = mail.content();
    Document doc =
        new Document("_id", mail.id())
            .append("kind", mail.kind().name())
            .append("participantId", mail.participantId())
            .append("cycleId", mail.cycleId())
            .append("partnershipId", mail.partnershipId())
            .append("to", mail.to())
            .append("locale", mail.locale())
            .append("status", mail.status().name())
            .append(REV, 0)
            .append("attempts", mail.attempts())
            .append("resends", mail.resends())
            .append("createdAt", Date.from(mail.createdAt()))
            .append("nextAttemptAt", Date.from(mail.createdAt()));
    if (content != null) {
      doc.append("subject", content.subject())
          .append("text", content.text())
          .append("html", content.html());
    }
    if (mail.kind().notice() && mail.participantId() != null) {
      // listed first: a crash before the insert leaves an id the reader skips, and the cause's
      // retry inserts the mail; listed after, a crash would leave a mail no notice list names
      notices.updateOne(
          eq("_id", mail.participantId()),
          Updates.addToSet("mails", mail.id()),
          new com.mongodb.client.model.UpdateOptions().upsert(true));
    }
    try {
      mails.insertOne(doc);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<Mail> find(String id) {
    return Optional.ofNullable(mails.find(eq("_id", id)).first()).map(MongoMailQueue::mail);
  }

  @Override
  public List<Mail> claim(Collection<String> ids, String lease, Instant until, Instant now) {
    List<Mail> claimed = new ArrayList<>();
    Map<String, Document> states = new HashMap<>();
    // one read for the batch ({_id: {$in: ...}} is served by the _id index on both servers)
    mails
        .find(in("_id", ids))
        .projection(CLAIM_STATE)
        .forEach(state -> states.put(state.getString("_id"), state));
    for (String id : ids) {
      Document current = states.get(id);
      if (current == null || !claimable(current, now)) {
        continue;
      }
      // only if nothing changed since the read: another sender's claim or outcome bumps rev
      Document doc =
          mails.findOneAndUpdate(
              new Document("_id", id).append(REV, current.get(REV)),
              Updates.combine(
                  Updates.set("status", MailStatus.SENDING.name()),
                  Updates.set(LEASE, lease),
                  Updates.set("leaseUntil", Date.from(until)),
                  Updates.inc(REV, 1)),
              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (doc != null) {
        claimed.add(mail(doc));
      }
    }
    return claimed;
  }

  private static final Bson CLAIM_STATE =
      Projections.include("status", "nextAttemptAt", "leaseUntil", REV);

  /** PENDING and due, or SENDING under a lease that has run out (its sender vanished). */
  private static boolean claimable(Document mail, Instant now) {
    String status = mail.getString("status");
    if (MailStatus.PENDING.name().equals(status)) {
      Date next = mail.getDate("nextAttemptAt");
      return next != null && !next.toInstant().isAfter(now);
    }
    if (MailStatus.SENDING.name().equals(status)) {
      Date until = mail.getDate("leaseUntil");
      return until != null && until.toInstant().isBefore(now);
    }
    return false;
  }

  @Override
  public List<String> due(Instant now, int limit) {
    Date at = Date.from(now);
    List<String> ids = new ArrayList<>();
    mails
        .find(
            or(
                and(eq("status", MailStatus.PENDING.name()), lte("nextAttemptAt", at)),
                and(eq("status", MailStatus.SENDING.name()), lt("leaseUntil", at))))
        .projection(Projections.include("_id"))
        .limit(limit)
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  @Override
  public boolean sent(Mail mail, String lease, Instant at) {
    List<Bson> changes = new ArrayList<>();
    changes.add(Updates.set("status", MailStatus.SENT.name()));
    changes.add(Updates.set("sentAt", Date.from(at)));
    changes.add(Updates.unset("failure"));
    changes.addAll(released());
    if (mail.kind().secret()) {
      CONTENT.forEach(f -> changes.add(Updates.unset(f)));
    }
    changes.add(
        outbox.append(
            List.of(
                new MailSent(
                    mail.id(),
                    mail.kind().name(),
                    mail.participantId(),
                    mail.cycleId(),
                    mail.partnershipId(),
                    at))));
    return finish(mail.id(), lease, changes);
  }

  @Override
  public boolean failed(Mail mail, String lease, String reason, Instant at) {
    List<Bson> changes = new ArrayList<>();
    changes.add(Updates.set("status", MailStatus.FAILED.name()));
    changes.add(Updates.set("failure", reason));
    changes.add(Updates.set("failedAt", Date.from(at)));
    changes.addAll(released());
    if (mail.kind().secret()) {
      CONTENT.forEach(f -> changes.add(Updates.unset(f)));
    }
    changes.add(
        outbox.append(
            List.of(
                new MailFailed(
                    mail.id(),
                    mail.kind().name(),
                    mail.participantId(),
                    mail.cycleId(),
                    mail.partnershipId(),
                    reason,
                    at))));
    return finish(mail.id(), lease, changes);
  }

  private boolean finish(String id, String lease, List<Bson> changes) {
    boolean done =
        mails.updateOne(held(id, lease), Updates.combine(changes)).getModifiedCount() == 1;
    if (done) {
      outbox.written(COLLECTION, id);
    }
    return done;
  }

  /** The mail, only while {@code lease} holds it. */
  private static Document held(String id, String lease) {
    return new Document("_id", id).append(LEASE, lease);
  }

  private static List<Bson> released() {
    return List.of(
        Updates.unset(LEASE),
        Updates.unset("leaseUntil"),
        Updates.unset("nextAttemptAt"),
        Updates.unset("lastError"),
        Updates.inc(REV, 1));
  }

  @Override
  public void retryLater(
      String id, String lease, Instant notBefore, @Nullable String reason, boolean countAttempt) {
    List<Bson> changes = new ArrayList<>();
    changes.add(Updates.set("status", MailStatus.PENDING.name()));
    changes.add(Updates.set("nextAttemptAt", Date.from(notBefore)));
    changes.add(Updates.set("lastError", reason));
    changes.add(Updates.unset(LEASE));
    changes.add(Updates.unset("leaseUntil"));
    changes.add(Updates.inc(REV, 1));
    if (countAttempt) {
      changes.add(Updates.inc("attempts", 1));
    }
    mails.updateOne(held(id, lease), Updates.combine(changes));
  }

  @Override
  public List<Mail> ofParticipant(String participantId, @Nullable String cycleId, int limit) {
    Bson filter =
        cycleId == null
            ? eq("participantId", participantId)
            : and(eq("participantId", participantId), eq("cycleId", cycleId));
    return list(filter, limit);
  }

  @Override
  public List<Mail> failures(@Nullable String cycleId, int limit) {
    Bson failed = eq("status", MailStatus.FAILED.name());
    return list(cycleId == null ? failed : and(failed, eq("cycleId", cycleId)), limit);
  }

  private List<Mail> list(Bson filter, int limit) {
    List<Mail> found = new ArrayList<>();
    mails
        .find(filter)
        .projection(Projections.exclude("text", "html", Outbox.FIELD))
        .sort(Sorts.descending("createdAt"))
        .limit(limit)
        .forEach(d -> found.add(mail(d)));
    return found;
  }

  @Override
  public boolean resend(String id, String to, Instant now) {
    return mails
            .updateOne(
                and(
                    eq("_id", id),
                    in("status", MailStatus.SENT.name(), MailStatus.FAILED.name()),
                    exists("subject")),
                Updates.combine(
                    Updates.set("status", MailStatus.PENDING.name()),
                    Updates.set("to", to),
                    Updates.set("attempts", 0),
                    Updates.set("nextAttemptAt", Date.from(now)),
                    Updates.inc("resends", 1),
                    Updates.inc(REV, 1),
                    Updates.unset("failure"),
                    Updates.unset("sentAt")))
            .getModifiedCount()
        == 1;
  }

  @Override
  public List<Mail> notices(String participantId, int limit) {
    Document list = notices.find(eq("_id", participantId)).first();
    List<String> ids = list == null ? List.of() : list.getList("mails", String.class, List.of());
    if (ids.isEmpty()) {
      return List.of();
    }
    // ids are listed in the order the mails were made: the newest are at the end
    List<String> newest = ids.subList(Math.max(0, ids.size() - 2 * limit), ids.size());
    List<Mail> found = new ArrayList<>();
    mails
        .find(in("_id", newest))
        .projection(Projections.exclude("html", Outbox.FIELD))
        .forEach(
            d -> {
              Mail mail = mail(d);
              if (mail.content() != null && participantId.equals(mail.participantId())) {
                found.add(mail);
              }
            });
    found.sort(java.util.Comparator.comparing(Mail::createdAt).thenComparing(Mail::id).reversed());
    return found.subList(0, Math.min(limit, found.size()));
  }

  @Override
  public void erase(String participantId, Collection<String> partnershipIds) {
    List<Bson> scrub = new ArrayList<>();
    CONTENT.forEach(f -> scrub.add(Updates.unset(f)));
    Bson cancel =
        Updates.combine(
            Updates.set("status", MailStatus.CANCELLED.name()),
            Updates.inc(REV, 1),
            Updates.unset(LEASE),
            Updates.unset("leaseUntil"),
            Updates.unset("nextAttemptAt"));
    Bson waiting = in("status", MailStatus.PENDING.name(), MailStatus.SENDING.name());
    // the participant's own mails keep only their status (their outbox stays: no personal data)
    mails.updateMany(and(eq("participantId", participantId), waiting), cancel);
    List<Bson> own = new ArrayList<>(scrub);
    own.add(Updates.set("to", ""));
    own.add(Updates.set("erased", true));
    mails.updateMany(eq("participantId", participantId), Updates.combine(own));
    notices.deleteOne(eq("_id", participantId));
    if (!partnershipIds.isEmpty()) {
      // mails to partners that name the participant: not sent any more, content gone
      Bson about =
          and(
              in("partnershipId", partnershipIds),
              in(
                  "kind",
                  java.util.Arrays.stream(MailKind.values())
                      .filter(MailKind::namesPartners)
                      .map(MailKind::name)
                      .toList()));
      mails.updateMany(and(about, waiting), cancel);
      mails.updateMany(about, Updates.combine(scrub));
    }
  }

  private static Mail mail(Document d) {
    String subject = d.getString("subject");
    MailContent content =
        subject == null
            ? null
            : new MailContent(
                subject, d.get("text", ""), d.get("html", "")); // lists omit the bodies
    Date sentAt = d.getDate("sentAt");
    return new Mail(
        d.getString("_id"),
        MailKind.valueOf(d.getString("kind")),
        d.getString("participantId"),
        d.getString("cycleId"),
        d.getString("partnershipId"),
        d.getString("to"),
        d.getString("locale"),
        content,
        MailStatus.valueOf(d.getString("status")),
        d.getInteger("attempts", 0),
        d.getInteger("resends", 0),
        d.getDate("createdAt").toInstant(),
        sentAt == null ? null : sentAt.toInstant(),
        d.getString("failure") != null ? d.getString("failure") : d.getString("lastError"));
  }
}
