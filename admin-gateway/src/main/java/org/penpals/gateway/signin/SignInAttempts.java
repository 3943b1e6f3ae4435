package org.penpals.gateway.signin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Failed sign-ins per email in {@code sign_in_attempts} ({@code _id} = the email as typed,
 * normalized). Whether or not an account exists, every email is counted and locked the same way, so
 * a locked-out answer tells nobody whether the address is known.
 */
public class SignInAttempts {
  public static final String COLLECTION = "sign_in_attempts";

  private final MongoCollection<Document> collection;
  private final int maxFailures;
  private final Duration lockout;

  public SignInAttempts(MongoDatabase database, int maxFailures, Duration lockout) {
    this.collection = database.getCollection(COLLECTION);
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /** When the email is locked until, if it is locked at {@code now}. */
  public Optional<Instant> lockedUntil(String email, Instant now) {
    Document d = collection.find(Filters.eq("_id", email)).first();
    if (d == null || d.getDate("lockedUntil") == null) {
      return Optional.empty();
    }
    Instant until = d.getDate("lockedUntil").toInstant();
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  /** Counts a failure; returns true when it locked the email. */
  public boolean failed(String email, Instant now) {
    Document after =
        collection.findOneAndUpdate(
            Filters.eq("_id", email),
            Updates.combine(
                Updates.inc("failures", 1), Updates.set("lastFailureAt", Date.from(now))),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    int failures = after == null ? 1 : after.getInteger("failures", 1);
    if (failures < maxFailures) {
      return false;
    }
    collection.updateOne(
        Filters.eq("_id", email),
        Updates.combine(
            Updates.set("failures", 0), Updates.set("lockedUntil", Date.from(now.plus(lockout)))));
    return true;
  }

  public void succeeded(String email) {
    collection.deleteOne(Filters.eq("_id", email));
  }

  /** Forgets old failures of emails that are not locked (run now and then). */
  public long forgetBefore(Instant cutoff, Instant now) {
    return collection
        .deleteMany(
            Filters.and(
                Filters.lt("lastFailureAt", Date.from(cutoff)),
                Filters.or(
                    Filters.eq("lockedUntil", null), Filters.lt("lockedUntil", Date.from(now)))))
        .getDeletedCount();
  }

  /** An administrator lifts a lock. */
  public void unlock(String email) {
    collection.deleteOne(Filters.eq("_id", email));
  }
}
