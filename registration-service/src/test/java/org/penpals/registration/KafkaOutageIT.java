package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.SharedInfrastructureInitializer;
import org.penpals.platform.testkit.TcpProxy;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The service keeps working while Kafka is down: it starts, reports not ready, accepts and stores
 * applications; when a broker appears at its address every event arrives, each exactly once.
 */
class KafkaOutageIT {
  ConfigurableApplicationContext service;
  EmbeddedKafkaKraftBroker broker;
  TcpProxy kafkaAddress = TcpProxy.reserve();

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    kafkaAddress.close();
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void shouldAcceptApplicationsWhileKafkaIsDownAndPublishEveryEventOnceItIsBack() throws Exception {
    // given a service whose Kafka broker is not running
    Map<String, Object> properties = new HashMap<>(SharedInfrastructureInitializer.properties());
    properties.put("spring.kafka.bootstrap-servers", kafkaAddress.address());
    properties.put("spring.mongodb.uri", SharedInfrastructure.mongoAddress() + "/kafka-outage");
    properties.put("server.port", 0);
    properties.put("penpals.outbox.max-backoff", "2s");
    service =
        new SpringApplicationBuilder(RegistrationApplication.class)
            .profiles("test")
            .run(
                properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new));
    int port = ((WebServerApplicationContext) service).getWebServer().getPort();
    RegistrationApi api = new RegistrationApi(port);
    Api health = new Api(port);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> health.get("/actuator/health/liveness", null).status() == 200);
    assertThat(health.get("/actuator/health/readiness", null).status()).isEqualTo(503);

    // when 20 people apply during the outage
    String cycleId = api.openCycle();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(api.applied(cycleId, anApplication()));
    }

    // then every application is stored
    try (var mongo = MongoClients.create(SharedInfrastructure.mongoAddress())) {
      assertThat(
              mongo
                  .getDatabase("kafka-outage")
                  .getCollection("participants")
                  .countDocuments(Filters.eq("cycleId", cycleId)))
          .isEqualTo(20);
    }

    // when the broker comes back at the service's address
    broker = new EmbeddedKafkaKraftBroker(1, 2);
    broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "2"));
    broker.afterPropertiesSet();
    String[] hostPort = broker.getBrokersAsString().split(",")[0].split(":");
    kafkaAddress.forwardTo(hostPort[0], Integer.parseInt(hostPort[1]));

    // then the service becomes ready and every event arrives exactly once by event id
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> health.get("/actuator/health/readiness", null).status() == 200);
    try (TopicReader topic =
        TopicReader.fromBeginning(broker.getBrokersAsString(), Topics.REGISTRATION_PARTICIPANTS)) {
      Set<String> applied = Set.copyOf(ids);
      topic.await(
          r ->
              RegistrationEvents.PARTICIPANT_REGISTERED.type().equals(r.type())
                  && applied.contains(r.key()),
          20,
          Duration.ofSeconds(60));
      List<CloudEventRecord> ours =
          topic.drain(Duration.ofMillis(500)).stream()
              .filter(r -> applied.contains(r.key()))
              .toList();
      Map<String, Long> perType =
          ours.stream()
              .collect(Collectors.groupingBy(CloudEventRecord::type, Collectors.counting()));
      assertThat(perType)
          .containsEntry(RegistrationEvents.PARTICIPANT_REGISTERED.type(), 20L)
          .containsEntry(RegistrationEvents.VERIFICATION_REQUESTED.type(), 20L);
      assertThat(ours.stream().map(CloudEventRecord::id).distinct().count()).isEqualTo(ours.size());
    }
    try (TopicReader cycles =
        TopicReader.fromBeginning(broker.getBrokersAsString(), Topics.REGISTRATION_CYCLES)) {
      assertThat(cycles.await(r -> cycleId.equals(r.key()), 2))
          .extracting(CloudEventRecord::type)
          .containsExactly(
              RegistrationEvents.CYCLE_DRAFTED.type(), RegistrationEvents.CYCLE_OPENED.type());
    }
  }
}
