package org.penpals.platform.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * MongoDB health by {@code ping}, which both real MongoDB and the embedded MongoDB-wire server
 * answer (Boot's own indicator sends {@code hello}, which the embedded server lacks).
 */
public final class MongoPingHealthIndicator implements HealthIndicator {
  private final MongoDatabase database;

  public MongoPingHealthIndicator(MongoDatabase database) {
    this.database = database;
  }

  @Override
  public Health health() {
    try {
      database.runCommand(new Document("ping", 1));
      return Health.up().build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
