package org.penpals.contracts;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Describes one integration event type: its stable name on the wire, the topic it travels on, the
 * record carrying its data and how to find the record key (the aggregate id).
 *
 * @param type the CloudEvents {@code type}; never a Java class name
 * @param topic the topic, see {@link Topics}
 * @param dataClass the record serialised as the event data
 * @param keyOf the aggregate id of an event, used as record key and CloudEvents subject
 * @param <T> the data record
 */
public record EventType<T>(
    String type, String topic, Class<T> dataClass, Function<? super T, String> keyOf) {

  private static final Pattern TYPE_NAME =
      Pattern.compile("org\\.penpals(\\.[a-z][a-z-]*)+\\.v[0-9]+");

  public EventType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(dataClass, "dataClass");
    Objects.requireNonNull(keyOf, "keyOf");
    if (!TYPE_NAME.matcher(type).matches()) {
      throw new IllegalArgumentException("event type must look like org.penpals.x.y.v1: " + type);
    }
  }

  /** Location of the JSON Schema of the data on the classpath. */
  public String schemaResource() {
    return "/schemas/" + type + ".json";
  }

  /** The record key (aggregate id) of an event of this type. */
  public String keyOf(Object event) {
    return keyOf.apply(dataClass.cast(event));
  }
}
