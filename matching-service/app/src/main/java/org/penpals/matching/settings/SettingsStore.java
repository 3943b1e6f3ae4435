package org.penpals.matching.settings;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.penpals.matching.engine.ExperienceMode;
import org.penpals.matching.engine.LeftoverPolicy;
import org.penpals.matching.engine.Weights;

/** Per-cycle matching settings in MongoDB ({@code settings}, keyed by cycle id). */
public class SettingsStore {
  private final MongoCollection<Document> settings;

  public SettingsStore(MongoDatabase database) {
    this.settings = database.getCollection("settings");
  }

  public MatchingSettings get(String cycleId) {
    Document d = settings.find(eq("_id", cycleId)).first();
    if (d == null) {
      return MatchingSettings.DEFAULTS;
    }
    Document w = d.get("weights", Document.class);
    return new MatchingSettings(
        new Weights(
            w.getInteger("interests"),
            w.getInteger("sector"),
            w.getInteger("experience"),
            ExperienceMode.valueOf(w.getString("experienceMode")),
            w.getInteger("workingHours"),
            w.getInteger("regionDiversity")),
        LeftoverPolicy.valueOf(d.getString("leftoverPolicy")),
        MatchingSettings.AfterPublication.valueOf(d.getString("afterPublication")),
        d.getString("quietRematch") == null
            ? MatchingSettings.DEFAULTS.quietRematch()
            : MatchingSettings.QuietRematch.valueOf(d.getString("quietRematch")));
  }

  public void put(String cycleId, MatchingSettings s) {
    Weights w = s.weights();
    settings.replaceOne(
        eq("_id", cycleId),
        new Document("_id", cycleId)
            .append(
                "weights",
                new Document("interests", w.interests())
                    .append("sector", w.sector())
                    .append("experience", w.experience())
                    .append("experienceMode", w.experienceMode().name())
                    .append("workingHours", w.workingHours())
                    .append("regionDiversity", w.regionDiversity()))
            .append("leftoverPolicy", s.leftoverPolicy().name())
            .append("afterPublication", s.afterPublication().name())
            .append("quietRematch", s.quietRematch().name()),
        new ReplaceOptions().upsert(true));
  }
}
