package org.penpals.registration.participant.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.penpals.registration.participant.application.ImportRepository;

/** Staged CSV imports (the file itself, at most a few MB: far below MongoDB's 16 MB). */
public class MongoImportRepository implements ImportRepository {
  public static final String COLLECTION = "imports";
  private final MongoCollection<Document> imports;
  private final Clock clock;

  public MongoImportRepository(MongoDatabase database, Clock clock) {
    this.imports = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  @Override
  public void stage(String importId, String cycleId, String csv) {
    imports.insertOne(
        new Document("_id", importId)
            .append("cycleId", cycleId)
            .append("status", "PENDING")
            .append("stagedAt", Date.from(clock.instant()))
            .append("csv", csv));
  }

  @Override
  public void markDone(String importId) {
    imports.updateOne(
        eq("_id", importId),
        Updates.combine(
            Updates.set("status", "DONE"),
            Updates.set("doneAt", Date.from(clock.instant())),
            Updates.unset("csv")));
  }

  @Override
  public List<Staged> pending() {
    List<Staged> pending = new ArrayList<>();
    imports
        .find(eq("status", "PENDING"))
        .forEach(
            d ->
                pending.add(
                    new Staged(d.getString("_id"), d.getString("cycleId"), d.getString("csv"))));
    return pending;
  }
}
