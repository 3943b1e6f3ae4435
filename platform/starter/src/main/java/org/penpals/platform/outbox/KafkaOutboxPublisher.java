package org.penpals.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.penpals.contracts.CloudEventHeaders;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes outbox entries as CloudEvents in Kafka binary mode: the data as the record value, the
 * attributes as {@code ce_*} headers, the aggregate id as key.
 */
public final class KafkaOutboxPublisher implements OutboxPublisher {
  private final KafkaTemplate<String, byte[]> template;
  private final String source;

  public KafkaOutboxPublisher(KafkaTemplate<String, byte[]> template, String source) {
    this.template = template;
    this.source = source;
  }

  @Override
  public CompletableFuture<?> publish(OutboxEntry entry) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            entry.topic(),
            null,
            entry.time().toEpochMilli(),
            entry.key(),
            entry.data().getBytes(StandardCharsets.UTF_8));
    Headers headers = record.headers();
    add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    add(headers, CloudEventHeaders.ID, entry.id());
    add(headers, CloudEventHeaders.TYPE, entry.type());
    add(headers, CloudEventHeaders.SOURCE, source);
    add(headers, CloudEventHeaders.TIME, entry.time().toString());
    add(headers, CloudEventHeaders.SUBJECT, entry.key());
    add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    if (entry.traceparent() != null) {
      add(headers, CloudEventHeaders.TRACEPARENT, entry.traceparent());
    }
    return template.send(record);
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
