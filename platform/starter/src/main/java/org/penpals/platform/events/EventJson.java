package org.penpals.platform.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for integration events: writes the contract records as their schemas describe them and reads
 * them as a tolerant reader (unknown fields ignored; missing or mistyped required fields rejected).
 * Deliberately independent of the HTTP {@code JsonMapper}, whose settings may differ.
 */
public final class EventJson {
  private final JsonMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .build();

  public byte[] write(Object event) {
    return mapper.writeValueAsBytes(event);
  }

  public String writeString(Object event) {
    return mapper.writeValueAsString(event);
  }

  /**
   * Reads an event's data.
   *
   * @throws PoisonEventException if the payload is not valid JSON or breaks the contract
   */
  public <T> T read(byte[] data, Class<T> type) {
    try {
      return mapper.readValue(data, type);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new PoisonEventException("payload is not a valid " + type.getSimpleName(), e);
    }
  }

  public JsonMapper mapper() {
    return mapper;
  }
}
