package org.penpals.platform.mongo;

import com.mongodb.client.model.IndexOptions;
import org.bson.conversions.Bson;

/** An index a service needs; created (idempotently) by {@link MongoIndexes} at start-up. */
public record IndexSpec(String collection, Bson keys, IndexOptions options) {}
