package org.penpals.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.CycleDrafted;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.contracts.registration.CycleUpdated;
import org.penpals.contracts.registration.PromptCadence;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.outbox.KafkaOutboxPublisher;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.outbox.OutboxProperties;
import org.penpals.platform.outbox.OutboxPublisher;
import org.penpals.platform.outbox.OutboxRelay;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

@PenpalsIntegrationTest
class OutboxRelayIT {
  @Autowired MongoDatabase database;
  @Autowired Outbox outbox;
  @Autowired KafkaTemplate<String, byte[]> outboxKafkaTemplate;

  static CycleDetails cycle(String name) {
    Instant now = Instant.now();
    return new CycleDetails(
        name,
        now,
        now.plusSeconds(3600),
        LocalDate.now().plusDays(30),
        17,
        PromptCadence.WEEKLY,
        DayOfWeek.MONDAY,
        9,
        100,
        20,
        CycleStatus.DRAFT);
  }

  /** Inserts {@code n} documents, each owing two events (drafted, then updated). */
  private List<String> insertPending(String collection, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "cycle-" + UUID.randomUUID();
      database
          .getCollection(collection)
          .insertOne(
              outbox.attach(
                  new Document("_id", id),
                  List.of(
                      new CycleDrafted(id, cycle("first " + i)),
                      new CycleUpdated(id, cycle("second " + i)))));
      ids.add(id);
    }
    return ids;
  }

  private OutboxRelay relay(String collection, OutboxPublisher publisher) {
    return new OutboxRelay(
        database,
        List.of(collection),
        publisher,
        null,
        new OutboxProperties(false, 50, null, Duration.ZERO, Duration.ofSeconds(10), null),
        Clock.systemUTC(),
        new SimpleMeterRegistry());
  }

  @Test
  void shouldPublishSignalledEventsWithCloudEventsHeadersInOrderPerKey() {
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      String id = "cycle-" + UUID.randomUUID();
      database
          .getCollection(PlatformTestApp.WIDGETS)
          .insertOne(
              outbox.attach(
                  new Document("_id", id),
                  List.of(new CycleDrafted(id, cycle("a")), new CycleUpdated(id, cycle("b")))));
      outbox.written(PlatformTestApp.WIDGETS, id);

      List<CloudEventRecord> records = topic.await(r -> id.equals(r.key()), 2);

      assertThat(records)
          .extracting(CloudEventRecord::type)
          .containsExactly(
              RegistrationEvents.CYCLE_DRAFTED.type(), RegistrationEvents.CYCLE_UPDATED.type());
      CloudEventRecord first = records.get(0);
      assertThat(first.headers())
          .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
          .containsEntry(CloudEventHeaders.SOURCE, "/penpals/platform-it")
          .containsEntry(CloudEventHeaders.SUBJECT, id)
          .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
          .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME);
      assertThat(first.json().get("cycle").get("name").asString()).isEqualTo("a");
      org.awaitility.Awaitility.await()
          .until(
              () ->
                  database
                          .getCollection(PlatformTestApp.WIDGETS)
                          .find(Filters.and(Filters.eq("_id", id), Outbox.pending()))
                          .first()
                      == null);
    }
  }

  @Test
  void shouldLoseNothingWhenTheRelayDiesMidBatch() {
    String collection = "crash_" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = insertPending(collection, 30);
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      // given a relay that hands 17 events to Kafka, then dies before removing any
      KafkaOutboxPublisher kafka = new KafkaOutboxPublisher(outboxKafkaTemplate, "/penpals/it");
      AtomicInteger sent = new AtomicInteger();
      OutboxPublisher dying =
          entry -> {
            if (sent.incrementAndGet() > 17) {
              throw new RelayKilled();
            }
            CompletableFuture<?> ack = kafka.publish(entry);
            ack.join();
            return ack;
          };
      assertThatThrownBy(() -> relay(collection, dying).sweep()).isInstanceOf(RelayKilled.class);
      assertThat(database.getCollection(collection).countDocuments(Outbox.pending())).isEqualTo(30);

      // when a new relay takes over
      OutboxRelay.Round round = relay(collection, kafka).sweep();

      // then every event is on the topic, at least once, first occurrences in order per key
      assertThat(round.published()).isEqualTo(60);
      Set<String> keys = Set.copyOf(ids);
      List<CloudEventRecord> records = topic.await(r -> keys.contains(r.key()), 60 + 17);
      Map<String, List<String>> firstSeenTypes =
          records.stream()
              .collect(
                  Collectors.groupingBy(
                      CloudEventRecord::key,
                      Collectors.mapping(
                          CloudEventRecord::id, Collectors.toCollection(LinkedHashSet::new))))
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
      assertThat(firstSeenTypes)
          .hasSize(30)
          .allSatisfy((key, eventIds) -> assertThat(eventIds).hasSize(2));
      for (String key : keys) {
        List<String> types =
            records.stream()
                .filter(r -> key.equals(r.key()))
                .map(CloudEventRecord::type)
                .distinct()
                .toList();
        assertThat(types)
            .containsExactly(
                RegistrationEvents.CYCLE_DRAFTED.type(), RegistrationEvents.CYCLE_UPDATED.type());
      }
      assertThat(records.stream().map(CloudEventRecord::id).distinct().count()).isEqualTo(60);
      assertThat(database.getCollection(collection).countDocuments(Outbox.pending())).isZero();
    }
  }

  @Test
  void shouldKeepEventsWhileTheBrokerIsUnreachableAndPublishThemLater() {
    String collection = "outage_" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = insertPending(collection, 5);
    OutboxPublisher unreachable =
        entry ->
            CompletableFuture.failedFuture(
                new org.apache.kafka.common.errors.TimeoutException("down"));

    OutboxRelay.Round failed = relay(collection, unreachable).sweep();

    assertThat(failed.failed()).isTrue();
    assertThat(failed.published()).isZero();
    assertThat(database.getCollection(collection).countDocuments(Outbox.pending())).isEqualTo(5);

    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      OutboxRelay.Round round =
          relay(collection, new KafkaOutboxPublisher(outboxKafkaTemplate, "/penpals/it")).sweep();
      assertThat(round.published()).isEqualTo(10);
      Set<String> keys = Set.copyOf(ids);
      assertThat(topic.await(r -> keys.contains(r.key()), 10)).hasSize(10);
    }
  }

  static final class RelayKilled extends Error {
    RelayKilled() {
      super("relay killed", null, false, false);
    }
  }
}
