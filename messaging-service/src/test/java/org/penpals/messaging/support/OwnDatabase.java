package org.penpals.messaging.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.UUID;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.testkit.SharedInfrastructure;

/**
 * A database of its own on the JVM's shared MongoDB-wire server, with an adapter's indexes, for
 * tests of one adapter that the running service (its dispatcher, its sweeps) must not see. Dropped
 * on close.
 */
public final class OwnDatabase implements AutoCloseable {
  private final MongoClient client = MongoClients.create(SharedInfrastructure.mongoAddress());
  private final MongoDatabase database;

  public OwnDatabase(String name, List<IndexSpec> indexes) {
    database = client.getDatabase(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    for (IndexSpec index : indexes) {
      database.getCollection(index.collection()).createIndex(index.keys(), index.options());
    }
  }

  public MongoDatabase database() {
    return database;
  }

  @Override
  public void close() {
    database.drop();
    client.close();
  }
}
