package org.penpals.prompt.partnership.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.penpals.prompt.partnership.application.Participants;

/**
 * The participant index ({@code participants}, {@code _id} = participant id): their partnerships,
 * and whether they erased their data (kept, so a late event plans nothing for them).
 */
public class MongoParticipants implements Participants {
  public static final String COLLECTION = "participants";

  private final MongoCollection<Document> participants;

  public MongoParticipants(MongoDatabase database) {
    this.participants = database.getCollection(COLLECTION);
  }

  @Override
  public boolean join(String participantId, String partnershipId) {
    Document doc =
        participants.findOneAndUpdate(
            eq("_id", participantId),
            Updates.addToSet("partnerships", partnershipId),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return doc != null && doc.getBoolean("erased", false);
  }

  @Override
  public List<String> erase(String participantId) {
    Document doc =
        participants.findOneAndUpdate(
            eq("_id", participantId),
            Updates.set("erased", true),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return doc == null ? List.of() : doc.getList("partnerships", String.class, List.of());
  }

  @Override
  public List<String> partnershipsOf(String participantId) {
    Document doc = participants.find(eq("_id", participantId)).first();
    return doc == null ? List.of() : doc.getList("partnerships", String.class, List.of());
  }
}
