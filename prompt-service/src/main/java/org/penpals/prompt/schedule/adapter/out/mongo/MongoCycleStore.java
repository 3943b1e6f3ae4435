package org.penpals.prompt.schedule.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.bson.Document;
import org.penpals.prompt.schedule.application.CycleStore;
import org.penpals.prompt.schedule.domain.KnownCycle;

/** The cycles registration described, one document each ({@code cycles}, {@code _id}). */
public class MongoCycleStore implements CycleStore {
  public static final String COLLECTION = "cycles";

  private final MongoCollection<Document> cycles;

  public MongoCycleStore(MongoDatabase database) {
    this.cycles = database.getCollection(COLLECTION);
  }

  @Override
  public void save(KnownCycle cycle) {
    Document doc =
        MongoScheduleStore.calendar(
                new Document("_id", cycle.cycleId()).append("name", cycle.name()), cycle.calendar())
            .append("status", cycle.status());
    cycles.replaceOne(eq("_id", cycle.cycleId()), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<KnownCycle> find(String cycleId) {
    return Optional.ofNullable(cycles.find(eq("_id", cycleId)).first())
        .map(
            d ->
                new KnownCycle(
                    d.getString("_id"),
                    d.getString("name"),
                    MongoScheduleStore.calendar(d),
                    d.getString("status")));
  }
}
