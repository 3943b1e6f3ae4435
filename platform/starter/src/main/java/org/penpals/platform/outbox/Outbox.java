package org.penpals.platform.outbox;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.EventCatalog;
import org.penpals.contracts.EventType;
import org.penpals.platform.domain.Randomness;
import org.penpals.platform.events.EventJson;

/**
 * The transactional outbox, without multi-document transactions: the events a state change owes are
 * written <em>into the same document</em> as the change, in the same single-document write, which
 * MongoDB applies atomically on a standalone server, a replica set and the embedded MongoDB-wire
 * server alike. The {@link OutboxRelay} publishes them afterwards and removes them once Kafka has
 * acknowledged them (ADR 0003).
 *
 * <p>Adapters use {@link #attach} when inserting a new document and {@link #append} when updating
 * one, then call {@link #written} after the write succeeded so the relay publishes without waiting
 * for its next sweep.
 */
public final class Outbox {
  /** Array of pending {@link OutboxEntry entries}, in the order they must be published. */
  public static final String FIELD = "_outbox";

  /**
   * When each pending entry was written; a multikey index on it lets sweeps find old pending
   * entries without a separate marker field that would need a conditional update to clear.
   */
  public static final String TIME = FIELD + ".time";

  /** Documents that still owe events. */
  public static Bson pending() {
    return com.mongodb.client.model.Filters.exists(FIELD + ".0");
  }

  private final EventJson json;
  private final Clock clock;
  private final Supplier<@Nullable String> traceparent;
  private final OutboxRelay relay;

  public Outbox(
      EventJson json, Clock clock, Supplier<@Nullable String> traceparent, OutboxRelay relay) {
    this.json = json;
    this.clock = clock;
    this.traceparent = traceparent;
    this.relay = relay;
  }

  /** Turns contract records into outbox entries, in order, all stamped with the same time. */
  public List<Document> entries(List<?> events) {
    Instant now = clock.instant();
    String trace = traceparent.get();
    return events.stream().map(event -> entry(event, now, trace).toDocument()).toList();
  }

  private OutboxEntry entry(Object event, Instant now, @Nullable String trace) {
    EventType<?> type = EventCatalog.of(event.getClass());
    return new OutboxEntry(
        Randomness.uuidString(),
        type.type(),
        type.topic(),
        type.keyOf(event),
        now,
        trace,
        json.writeString(event));
  }

  /** Adds the events to a document about to be inserted. */
  public Document attach(Document document, List<?> events) {
    if (events.isEmpty()) {
      return document;
    }
    return document.append(FIELD, entries(events));
  }

  /**
   * An update appending the events to a document's outbox; combine it with the state change so both
   * happen in one atomic single-document update.
   */
  public Bson append(List<?> events) {
    return Updates.pushEach(FIELD, entries(events));
  }

  /**
   * An update that replaces whatever the document still owes with these events: for erasure, where
   * unpublished events carrying personal data must go and only the erasure remains.
   */
  public Bson replace(List<?> events) {
    return Updates.set(FIELD, entries(events));
  }

  /** Tells the relay that a document now has pending events. Call after the write succeeded. */
  public void written(String collection, String id) {
    relay.signal(collection, id, null);
  }

  /**
   * Tells the relay about a document just inserted with {@link #attach}: its entries are all it
   * owes, so the relay publishes them without reading the document back.
   */
  public void inserted(String collection, Document document) {
    relay.signal(
        collection,
        String.valueOf(document.get("_id")),
        document.getList(FIELD, Document.class, List.of()));
  }
}
