package org.penpals.matching.run.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.penpals.matching.engine.IdPair;
import org.penpals.matching.run.application.AdjustmentStore;

/**
 * Locks and forbids per cycle ({@code adjustments}, one document per cycle) and the partnership
 * history ({@code history}, one document per pair of person keys, so a pair is stored once).
 */
public class MongoAdjustmentStore implements AdjustmentStore {
  private final MongoCollection<Document> adjustments;
  private final MongoCollection<Document> history;

  public MongoAdjustmentStore(MongoDatabase database) {
    this.adjustments = database.getCollection("adjustments");
    this.history = database.getCollection("history");
  }

  @Override
  public Set<IdPair> locked(String cycleId) {
    return pairs(cycleId, "locked");
  }

  @Override
  public Set<IdPair> forbidden(String cycleId) {
    return pairs(cycleId, "forbidden");
  }

  @Override
  public void lock(String cycleId, IdPair pair) {
    change(cycleId, Updates.addToSet("locked", key(pair)));
  }

  @Override
  public void unlock(String cycleId, IdPair pair) {
    change(cycleId, Updates.pull("locked", key(pair)));
  }

  @Override
  public void forbid(String cycleId, IdPair pair) {
    change(cycleId, Updates.addToSet("forbidden", key(pair)));
  }

  @Override
  public void allow(String cycleId, IdPair pair) {
    change(cycleId, Updates.pull("forbidden", key(pair)));
  }

  @Override
  public Set<IdPair> previousPartners() {
    Set<IdPair> pairs = new HashSet<>();
    history.find().forEach(d -> pairs.add(pair(d.getString("_id"))));
    return pairs;
  }

  /** Records that these person keys were partners (idempotent). */
  public void remember(IdPair personKeys) {
    try {
      history.insertOne(new Document("_id", key(personKeys)));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  private void change(String cycleId, org.bson.conversions.Bson update) {
    adjustments.updateOne(eq("_id", cycleId), update, new UpdateOptions().upsert(true));
  }

  private Set<IdPair> pairs(String cycleId, String field) {
    Document d = adjustments.find(eq("_id", cycleId)).first();
    Set<IdPair> pairs = new HashSet<>();
    if (d != null) {
      for (String key : d.getList(field, String.class, List.of())) {
        pairs.add(pair(key));
      }
    }
    return pairs;
  }

  private static String key(IdPair pair) {
    return pair.first() + "|" + pair.second();
  }

  private static IdPair pair(String key) {
    int bar = key.indexOf('|');
    return IdPair.of(key.substring(0, bar), key.substring(bar + 1));
  }
}
