package org.penpals.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.CycleDrafted;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.events.EventJson;
import org.penpals.platform.events.ProcessedEvents;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.TopicReader;

@PenpalsIntegrationTest
class EventDispatcherIT {
  static final String TOPIC = Topics.REGISTRATION_CYCLES;
  static final String DLT = "error." + TOPIC + ".platform-it";
  static KafkaProducer<String, byte[]> producer;
  final EventJson json = new EventJson();

  @BeforeAll
  static void producer() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
  }

  @AfterAll
  static void close() {
    producer.close(Duration.ofSeconds(1));
  }

  private void send(String eventId, String type, String key, byte[] data) {
    var record = new ProducerRecord<String, byte[]>(TOPIC, key, data);
    record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
    record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
    record.headers().add(CloudEventHeaders.SUBJECT, key.getBytes(StandardCharsets.UTF_8));
    producer.send(record);
    producer.flush();
  }

  private void sendDrafted(String eventId, String cycleId, String name) {
    send(
        eventId,
        RegistrationEvents.CYCLE_DRAFTED.type(),
        cycleId,
        json.write(new CycleDrafted(cycleId, OutboxRelayIT.cycle(name))));
  }

  private static long handled(String cycleId) {
    return PlatformTestApp.handled.stream().filter(e -> e.cycleId().equals(cycleId)).count();
  }

  @Test
  void shouldHandleAnEventOnceWhenItIsDeliveredTwice() {
    String cycleId = "c-" + UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();
    String marker = "c-" + UUID.randomUUID();

    sendDrafted(eventId, cycleId, "twice");
    sendDrafted(eventId, cycleId, "twice");
    sendDrafted(UUID.randomUUID().toString(), marker, "after");

    await().atMost(Duration.ofSeconds(30)).until(() -> handled(marker) == 1);
    assertThat(handled(cycleId)).isEqualTo(1);
  }

  @Test
  void shouldDeadLetterAPoisonRecordAndGoOn() {
    String poisonKey = "poison-" + UUID.randomUUID();
    String next = "c-" + UUID.randomUUID();
    try (TopicReader dlt = TopicReader.fromNow(DLT)) {
      send(
          UUID.randomUUID().toString(),
          RegistrationEvents.CYCLE_DRAFTED.type(),
          poisonKey,
          "{not json".getBytes(StandardCharsets.UTF_8));
      send(
          UUID.randomUUID().toString(),
          RegistrationEvents.CYCLE_DRAFTED.type(),
          poisonKey + "-2",
          "{\"cycleId\":\"x\"}".getBytes(StandardCharsets.UTF_8)); // breaks the contract
      sendDrafted(UUID.randomUUID().toString(), next, "after poison");

      assertThat(dlt.await(r -> r.key() != null && r.key().startsWith(poisonKey), 2))
          .extracting(CloudEventRecord::key)
          .containsExactlyInAnyOrder(poisonKey, poisonKey + "-2");
      await().atMost(Duration.ofSeconds(30)).until(() -> handled(next) == 1);
    }
  }

  @Test
  void shouldRetryAFailingHandlerThenDeadLetterAndGoOn() {
    String failing = "c-" + UUID.randomUUID();
    String next = "c-" + UUID.randomUUID();
    try (TopicReader dlt = TopicReader.fromNow(DLT)) {
      sendDrafted(UUID.randomUUID().toString(), failing, "explode");
      sendDrafted(UUID.randomUUID().toString(), next, "after failure");

      assertThat(dlt.await(r -> failing.equals(r.key()), 1, Duration.ofSeconds(60))).hasSize(1);
      await().atMost(Duration.ofSeconds(30)).until(() -> handled(next) == 1);
      assertThat(handled(failing)).isZero();
    }
  }

  @Test
  void shouldForgetOldDedupeMarkersButKeepRecentOnes() {
    var mongo =
        com.mongodb.client.MongoClients.create(SharedInfrastructure.mongoAddress())
            .getDatabase("dedupe-retention");
    java.time.Instant now = java.time.Instant.parse("2027-01-01T00:00:00Z");
    var then = new ProcessedEvents(mongo, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    var later =
        new ProcessedEvents(
            mongo,
            java.time.Clock.fixed(
                now.plus(java.time.Duration.ofDays(20)), java.time.ZoneOffset.UTC));
    then.markSeen("g", "old");
    later.markSeen("g", "recent");

    long forgotten = later.forgetOlderThan(java.time.Duration.ofDays(14));

    assertThat(forgotten).isEqualTo(1);
    assertThat(later.seen("g", "old")).isFalse();
    assertThat(later.seen("g", "recent")).isTrue();
  }

  @Test
  void shouldIgnoreEventTypesNobodyHandles() {
    String cycleId = "c-" + UUID.randomUUID();
    String marker = "c-" + UUID.randomUUID();
    try (TopicReader dlt = TopicReader.fromNow(DLT)) {
      send(
          UUID.randomUUID().toString(),
          "org.penpals.registration.cycle.invented.v9",
          cycleId,
          "{}".getBytes(StandardCharsets.UTF_8));
      sendDrafted(UUID.randomUUID().toString(), marker, "marker");

      await().atMost(Duration.ofSeconds(30)).until(() -> handled(marker) == 1);
      assertThat(dlt.drain(Duration.ofMillis(300))).noneMatch(r -> cycleId.equals(r.key()));
    }
  }
}
