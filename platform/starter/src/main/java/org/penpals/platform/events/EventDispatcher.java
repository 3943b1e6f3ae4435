package org.penpals.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * A Spring Cloud Stream consumer for one topic that dispatches each record to the handler of its
 * CloudEvents type, exactly once per consumer group:
 *
 * <ul>
 *   <li>records without {@code ce_id}/{@code ce_type}, or whose data breaks the contract, are
 *       poison ({@link PoisonEventException}): not retried, sent to the dead-letter topic;
 *   <li>types nobody handles are skipped (tolerant reader);
 *   <li>an event id already processed by the group is skipped (idempotent consumer);
 *   <li>a handler failure propagates, so the binder retries with backoff and finally dead-letters.
 * </ul>
 *
 * <pre>{@code
 * @Bean Consumer<Message<byte[]>> participants(EventDispatcher.Factory events) {
 *   return events.forGroup("matching")
 *       .on(RegistrationEvents.PARTICIPANT_REGISTERED, pool::add)
 *       .build();
 * }
 * }</pre>
 */
public final class EventDispatcher implements Consumer<Message<byte[]>> {
  private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

  private record Route<T>(EventType<T> type, EventHandler<T> handler) {
    void dispatch(EventJson json, String id, String subject, @Nullable Instant time, byte[] data) {
      T event = json.read(data, type.dataClass());
      handler.handle(new ReceivedEvent<>(id, type.type(), subject, time, event));
    }
  }

  private final String group;
  private final Map<String, Route<?>> routes;
  private final EventJson json;
  private final ProcessedEvents processed;

  private EventDispatcher(
      String group, Map<String, Route<?>> routes, EventJson json, ProcessedEvents processed) {
    this.group = group;
    this.routes = Map.copyOf(routes);
    this.json = json;
    this.processed = processed;
  }

  @Override
  public void accept(Message<byte[]> message) {
    String id = header(message, CloudEventHeaders.ID);
    String type = header(message, CloudEventHeaders.TYPE);
    if (id == null || type == null) {
      throw new PoisonEventException(
          "record without ce_id or ce_type header; headers: " + message.getHeaders().keySet());
    }
    Route<?> route = routes.get(type);
    if (route == null) {
      log.debug("group {} ignores event type {}", group, type);
      return;
    }
    if (processed.seen(group, id)) {
      log.debug("group {} already processed event {}", group, id);
      return;
    }
    String subject = header(message, CloudEventHeaders.SUBJECT);
    route.dispatch(json, id, subject == null ? "" : subject, time(message), message.getPayload());
    processed.markSeen(group, id);
  }

  private static @Nullable Instant time(Message<?> message) {
    String time = header(message, CloudEventHeaders.TIME);
    try {
      return time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A CloudEvents header; Spring Cloud Function presents {@code ce_id} as {@code ce-id}, so both
   * spellings are read.
   */
  private static @Nullable String header(Message<?> message, String name) {
    Object value = message.getHeaders().get(name);
    if (value == null && name.startsWith("ce_")) {
      value = message.getHeaders().get("ce-" + name.substring(3));
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value == null ? null : value.toString();
  }

  /** Builds dispatchers; a bean of the platform. */
  public static final class Factory {
    private final EventJson json;
    private final ProcessedEvents processed;

    public Factory(EventJson json, ProcessedEvents processed) {
      this.json = json;
      this.processed = processed;
    }

    public Builder forGroup(String group) {
      return new Builder(group, json, processed);
    }
  }

  public static final class Builder {
    private final String group;
    private final EventJson json;
    private final ProcessedEvents processed;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    private Builder(String group, EventJson json, ProcessedEvents processed) {
      this.group = group;
      this.json = json;
      this.processed = processed;
    }

    public <T> Builder on(EventType<T> type, EventHandler<T> handler) {
      routes.put(type.type(), new Route<>(type, handler));
      return this;
    }

    public EventDispatcher build() {
      return new EventDispatcher(group, routes, json, processed);
    }
  }
}
