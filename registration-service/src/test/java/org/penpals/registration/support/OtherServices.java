package org.penpals.registration.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.EventType;
import org.penpals.contracts.matching.MatchesPublished;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.MatchingRunCompleted;
import org.penpals.contracts.matching.QualityReport;
import org.penpals.contracts.prompts.ProgrammeEnded;
import org.penpals.contracts.prompts.ProgrammeStarted;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.platform.events.EventJson;
import org.penpals.platform.testkit.SharedInfrastructure;

/**
 * Stands in for matching-service and prompt-service: publishes their events on the shared broker as
 * they do (CloudEvents headers, keyed by aggregate id). Each call is a new event (a new {@code
 * ce_id}) unless an id is given, so a test can redeliver one event or publish the same fact again.
 */
public final class OtherServices implements AutoCloseable {
  private static final EventJson JSON = new EventJson();
  private final KafkaProducer<String, byte[]> producer =
      new KafkaProducer<>(
          Map.of(
              "bootstrap.servers",
              SharedInfrastructure.kafkaBootstrapServers(),
              "key.serializer",
              StringSerializer.class,
              "value.serializer",
              ByteArraySerializer.class));

  public <T> void publish(EventType<T> type, T event, String eventId) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(type.topic(), type.keyOf(event), JSON.write(event));
    record.headers().add(CloudEventHeaders.ID, bytes(eventId));
    record.headers().add(CloudEventHeaders.TYPE, bytes(type.type()));
    record.headers().add(CloudEventHeaders.SUBJECT, bytes(type.keyOf(event)));
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  public <T> void publish(EventType<T> type, T event) {
    publish(type, event, UUID.randomUUID().toString());
  }

  public static MatchingRunCompleted runCompleted(
      String cycleId, String runId, int people, int matched, double gap, Instant completedAt) {
    return new MatchingRunCompleted(
        runId,
        cycleId,
        false,
        new QualityReport(
            people,
            people,
            matched,
            1000,
            1000,
            gap,
            matched / 2,
            0,
            people - matched,
            10,
            "test",
            5),
        completedAt);
  }

  public void runCompleted(MatchingRunCompleted run) {
    publish(MatchingEvents.RUN_COMPLETED, run);
  }

  public void matchesPublished(String cycleId) {
    publish(
        MatchingEvents.MATCHES_PUBLISHED,
        new MatchesPublished(cycleId, "run-1", 1, 0, Instant.now()));
  }

  public void programmeStarted(String cycleId, LocalDate startsOn, Instant at) {
    publish(PromptEvents.PROGRAMME_STARTED, new ProgrammeStarted(cycleId, startsOn, at));
  }

  public void programmeEnded(String cycleId, LocalDate lastWeekEndsOn, Instant at) {
    publish(PromptEvents.PROGRAMME_ENDED, new ProgrammeEnded(cycleId, 17, lastWeekEndsOn, at));
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
  }
}
