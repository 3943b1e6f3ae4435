package org.penpals.platform.mongo;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Creates the services' indexes in the background, retrying until MongoDB answers, so a service
 * starts even when the database is away; reports DOWN (not ready) until every index exists. Unique
 * indexes carry business rules (one application per email and cycle), so traffic waits.
 */
public final class MongoIndexes implements HealthIndicator, SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

  private final MongoDatabase database;
  private final List<IndexSpec> indexes;
  private volatile boolean done;
  private volatile boolean running;
  private volatile String lastError = "not started";

  public MongoIndexes(MongoDatabase database, List<IndexSpec> indexes) {
    this.database = database;
    this.indexes = List.copyOf(indexes);
  }

  /** Creates every index now; true when all exist. */
  public boolean ensure() {
    try {
      for (IndexSpec index : indexes) {
        database.getCollection(index.collection()).createIndex(index.keys(), index.options());
      }
      done = true;
      return true;
    } catch (RuntimeException e) {
      lastError = e.getClass().getSimpleName();
      log.warn("cannot create MongoDB indexes yet ({}); retrying", e.getMessage());
      return false;
    }
  }

  public boolean isDone() {
    return done;
  }

  @Override
  public Health health() {
    return done
        ? Health.up().withDetail("indexes", indexes.size()).build()
        : Health.down().withDetail("error", lastError).build();
  }

  @Override
  public void start() {
    running = true;
    Thread thread =
        new Thread(
            () -> {
              Duration wait = Duration.ofMillis(500);
              while (running && !ensure()) {
                try {
                  Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                wait =
                    wait.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10)
                        : wait.multipliedBy(2);
              }
            },
            "mongo-indexes");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
