package org.penpals.prompt.clock;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;

/**
 * The demo clock's programme time in MongoDB: one document ({@code programme_clock}, {@code _id =
 * clock}) whose {@code millis} only ever grows ({@code $max}), so no instance can store an earlier
 * time over a later one.
 */
public class MongoClockStore implements ClockStore {
  public static final String COLLECTION = "programme_clock";
  private static final String ID = "clock";

  private final MongoCollection<Document> clock;

  public MongoClockStore(MongoDatabase database) {
    this.clock = database.getCollection(COLLECTION);
  }

  @Override
  public Optional<Instant> load() {
    Document doc = clock.find(eq("_id", ID)).first();
    if (doc == null || doc.get("millis") == null) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli(((Number) doc.get("millis")).longValue()));
  }

  @Override
  public void save(Instant programmeTime) {
    clock.updateOne(
        eq("_id", ID),
        Updates.max("millis", programmeTime.toEpochMilli()),
        new UpdateOptions().upsert(true));
  }
}
