package org.penpals.gateway.staff;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Staff accounts in the collection {@code staff_accounts}, one document per person with the
 * normalized email as {@code _id}: every hot path (sign-in, the per-request account check) is a
 * lookup by {@code _id}.
 */
public class StaffAccounts {
  public static final String COLLECTION = "staff_accounts";

  /** Thrown when an account with the email exists already. */
  public static final class AlreadyExists extends RuntimeException {
    public AlreadyExists(String email) {
      super("a staff account for " + email + " exists already", null, false, false);
    }
  }

  private final MongoCollection<Document> collection;

  public StaffAccounts(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  public Optional<StaffAccount> find(String email) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", email)).first())
        .map(StaffAccounts::account);
  }

  public List<StaffAccount> all() {
    List<StaffAccount> accounts = new ArrayList<>();
    for (Document d : collection.find().sort(Sorts.ascending("_id"))) {
      accounts.add(account(d));
    }
    return accounts;
  }

  public boolean anyAdmin() {
    return collection.find(Filters.eq("role", StaffRole.ADMIN.name())).limit(1).first() != null;
  }

  public void insert(StaffAccount account) {
    try {
      collection.insertOne(document(account));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new AlreadyExists(account.email());
      }
      throw e;
    }
  }

  /** Applies {@code updates} (and stamps {@code updatedAt}); empty when no such account. */
  public Optional<StaffAccount> update(String email, Instant now, Bson... updates) {
    List<Bson> all = new ArrayList<>(List.of(updates));
    all.add(Updates.set("updatedAt", Date.from(now)));
    return Optional.ofNullable(
            collection.findOneAndUpdate(
                Filters.eq("_id", email),
                Updates.combine(all),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .map(StaffAccounts::account);
  }

  /**
   * Records that a TOTP code of {@code step} was used, unless one of that step or later was used
   * before: a code works once.
   */
  public boolean claimTotpStep(String email, long step) {
    return collection
            .updateOne(
                Filters.and(Filters.eq("_id", email), Filters.lt("totpLastStep", step)),
                Updates.set("totpLastStep", step))
            .getModifiedCount()
        == 1;
  }

  static Document document(StaffAccount a) {
    return new Document("_id", a.email())
        .append("staffId", a.staffId())
        .append("displayName", a.displayName())
        .append("role", a.role().name())
        .append("countries", a.countries())
        .append("passwordHash", a.passwordHash())
        .append("mustChangePassword", a.mustChangePassword())
        .append("oneTimePasswordExpiresAt", date(a.oneTimePasswordExpiresAt()))
        .append("totpSecret", a.totpSecret())
        .append("totpEnabled", a.totpEnabled())
        .append("totpLastStep", a.totpLastStep())
        .append("disabled", a.disabled())
        .append("sessionsValidAfter", Date.from(a.sessionsValidAfter()))
        .append("createdAt", Date.from(a.createdAt()))
        .append("createdBy", a.createdBy())
        .append("updatedAt", Date.from(a.updatedAt()));
  }

  static StaffAccount account(Document d) {
    return new StaffAccount(
        d.getString("_id"),
        d.getString("staffId"),
        d.getString("displayName"),
        StaffRole.valueOf(d.getString("role")),
        d.getList("countries", String.class, List.of()),
        d.getString("passwordHash"),
        d.getBoolean("mustChangePassword", false),
        instant(d.getDate("oneTimePasswordExpiresAt")),
        d.getString("totpSecret"),
        d.getBoolean("totpEnabled", false),
        ((Number) d.get("totpLastStep", 0L)).longValue(),
        d.getBoolean("disabled", false),
        d.getDate("sessionsValidAfter").toInstant(),
        d.getDate("createdAt").toInstant(),
        d.getString("createdBy"),
        d.getDate("updatedAt").toInstant());
  }

  static @Nullable Date date(@Nullable Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static @Nullable Instant instant(@Nullable Date date) {
    return date == null ? null : date.toInstant();
  }
}
