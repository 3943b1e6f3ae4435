package org.penpals.platform.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * An integration event waiting, inside the document of the aggregate that caused it, to be relayed
 * to Kafka.
 *
 * @param id CloudEvents id
 * @param type CloudEvents type
 * @param topic destination topic
 * @param key record key and CloudEvents subject (the aggregate id)
 * @param time when the change happened
 * @param traceparent W3C trace context of the request that caused it, if traced
 * @param data the event data as JSON
 */
public record OutboxEntry(
    String id,
    String type,
    String topic,
    String key,
    Instant time,
    @Nullable String traceparent,
    String data) {

  Document toDocument() {
    Document doc =
        new Document("id", id)
            .append("type", type)
            .append("topic", topic)
            .append("key", key)
            .append("time", Date.from(time))
            .append("data", data);
    if (traceparent != null) {
      doc.append("traceparent", traceparent);
    }
    return doc;
  }

  static OutboxEntry fromDocument(Document doc) {
    return new OutboxEntry(
        doc.getString("id"),
        doc.getString("type"),
        doc.getString("topic"),
        doc.getString("key"),
        doc.getDate("time").toInstant(),
        doc.getString("traceparent"),
        doc.getString("data"));
  }
}
