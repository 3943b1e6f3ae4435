package org.penpals.platform.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.CloudEventHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A record read from a topic, with its CloudEvents headers decoded. */
public record CloudEventRecord(
    String topic,
    int partition,
    long offset,
    @Nullable String key,
    Map<String, String> headers,
    String data) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static CloudEventRecord of(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return new CloudEventRecord(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        headers,
        record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
  }

  public @Nullable String id() {
    return headers.get(CloudEventHeaders.ID);
  }

  public @Nullable String type() {
    return headers.get(CloudEventHeaders.TYPE);
  }

  public JsonNode json() {
    return JSON.readTree(data);
  }

  public <T> T as(Class<T> type) {
    return JSON.readValue(data, type);
  }
}
