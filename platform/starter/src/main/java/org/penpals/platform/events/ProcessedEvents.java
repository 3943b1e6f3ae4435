package org.penpals.platform.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;

/**
 * Which events each consumer group has processed: the deduplication store of idempotent consumers.
 * One small document per (group, event id); forgotten after a retention period longer than the
 * topics' own retention, by an explicit job (TTL indexes are not relied on).
 */
public final class ProcessedEvents {
  public static final String COLLECTION = "processed_events";

  private final MongoCollection<Document> collection;
  private final Clock clock;

  public ProcessedEvents(MongoDatabase database, Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  public boolean seen(String group, String eventId) {
    return collection.find(Filters.eq("_id", key(group, eventId))).limit(1).first() != null;
  }

  public void markSeen(String group, String eventId) {
    try {
      collection.insertOne(
          new Document("_id", key(group, eventId)).append("at", Date.from(clock.instant())));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  /** Forgets markers older than {@code retention}; returns how many. */
  public long forgetOlderThan(Duration retention) {
    return collection
        .deleteMany(Filters.lt("at", Date.from(clock.instant().minus(retention))))
        .getDeletedCount();
  }

  private static String key(String group, String eventId) {
    return group + ":" + eventId;
  }
}
