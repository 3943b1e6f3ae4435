package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.CycleRegistrationClosed;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.ApplicationFixture;
import org.penpals.registration.support.CycleFixture;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.boot.test.web.server.LocalServerPort;

@PenpalsIntegrationTest
class CycleLifecycleIT {
  @LocalServerPort int port;
  RegistrationApi api;
  final String coordinator = TestTokens.staff(Role.COORDINATOR);

  @BeforeEach
  void api() {
    api = new RegistrationApi(port);
  }

  private Api.Response post(String path, String body) {
    return api.raw().post(RegistrationApi.BASE + path, body, coordinator);
  }

  @Test
  void shouldTakeACycleFromDraftThroughOpenToClosedWithAnEventForEachStep() {
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_CYCLES)) {
      // given a draft with defaults
      Api.Response created =
          post("/cycles", CycleFixture.aCycle().with("name", "Lifecycle").json());
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.location()).startsWith("/api/registration/cycles/");
      String id = created.json().get("id").asString();
      assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
      assertThat(created.json().get("lengthWeeks").asInt()).isEqualTo(17);
      assertThat(created.json().get("promptCadence").asString()).isEqualTo("WEEKLY");

      // when staff edit, open, and close it
      Api.Response edited =
          api.raw()
              .put(
                  RegistrationApi.BASE + "/cycles/" + id,
                  CycleFixture.aCycle()
                      .with("name", "Lifecycle 2027")
                      .with("promptCadence", "FORTNIGHTLY")
                      .with("countryCapPercent", 20)
                      .json(),
                  coordinator);
      assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
      assertThat(edited.json().get("countryCap").asInt()).isEqualTo(200);
      assertThat(post("/cycles/" + id + "/open", null).json().get("status").asString())
          .isEqualTo("REGISTRATION_OPEN");
      api.applied(id, ApplicationFixture.anApplication());
      assertThat(post("/cycles/" + id + "/close", null).json().get("status").asString())
          .isEqualTo("REGISTRATION_CLOSED");

      // then each step is on the cycles topic, in order
      List<CloudEventRecord> events = topic.await(r -> id.equals(r.key()), 4);
      assertThat(events)
          .extracting(CloudEventRecord::type)
          .containsExactly(
              RegistrationEvents.CYCLE_DRAFTED.type(),
              RegistrationEvents.CYCLE_UPDATED.type(),
              RegistrationEvents.CYCLE_OPENED.type(),
              RegistrationEvents.CYCLE_CLOSED.type());
      CycleRegistrationClosed closed = events.get(3).as(CycleRegistrationClosed.class);
      assertThat(closed.admitted()).isEqualTo(1);
      assertThat(closed.cycle().name()).isEqualTo("Lifecycle 2027");
      assertThat(closed.cycle().promptCadence().name()).isEqualTo("FORTNIGHTLY");
    }
  }

  @Test
  void shouldAnswerIllegalLifecycleMovesWith409() {
    String id = post("/cycles", CycleFixture.aCycle().json()).json().get("id").asString();

    Api.Response closeDraft = post("/cycles/" + id + "/close", null);
    assertThat(closeDraft.status()).isEqualTo(409);
    assertThat(closeDraft.isProblem()).isTrue();

    post("/cycles/" + id + "/open", null);
    Api.Response openTwice = post("/cycles/" + id + "/open", null);
    assertThat(openTwice.status()).isEqualTo(409);
    assertThat(openTwice.json().get("detail").asString()).contains("REGISTRATION_OPEN");
  }

  @Test
  void shouldRefuseToOpenACycleWhoseWindowHasEnded() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String id =
        post(
                "/cycles",
                CycleFixture.aCycle()
                    .with("registrationOpensAt", now.minus(10, ChronoUnit.DAYS).toString())
                    .with("registrationClosesAt", now.minus(1, ChronoUnit.DAYS).toString())
                    .json())
            .json()
            .get("id")
            .asString();

    Api.Response open = post("/cycles/" + id + "/open", null);

    assertThat(open.status()).isEqualTo(409);
    assertThat(BadInputIT.fields(open.json())).contains("registrationClosesAt");
  }

  @Test
  void shouldNotLetCapacityDropBelowThePlacesTaken() {
    String id = api.openCycle(CycleFixture.aCycle().with("capacity", 10));
    api.applied(id, ApplicationFixture.anApplication());
    api.applied(id, ApplicationFixture.anApplication());
    api.applied(id, ApplicationFixture.anApplication());

    Api.Response shrink =
        api.raw()
            .put(
                RegistrationApi.BASE + "/cycles/" + id,
                CycleFixture.aCycle().with("capacity", 2).json(),
                coordinator);

    assertThat(shrink.status()).isEqualTo(409);
    assertThat(BadInputIT.fields(shrink.json())).contains("capacity");
  }

  @Test
  void shouldListOpenCyclesPubliclyWithoutStaffDetails() {
    String id = api.openCycle(CycleFixture.aCycle().with("name", "Public cycle"));

    Api.Response open = api.raw().get(RegistrationApi.BASE + "/cycles/open", null);

    assertThat(open.status()).isEqualTo(200);
    var mine = open.json().valueStream().filter(c -> c.get("id").asString().equals(id)).findFirst();
    assertThat(mine).isPresent();
    assertThat(mine.get().has("capacity")).isFalse();
    assertThat(mine.get().get("name").asString()).isEqualTo("Public cycle");
  }

  @Test
  void shouldFreezeApplicationsWhenMatchingPublishesTheCycle() throws Exception {
    String cycleId = api.openCycle();
    String participant = api.applied(cycleId, ApplicationFixture.anApplication());
    post("/cycles/" + cycleId + "/close", null);

    // matching-service announces the publication (a plain producer stands in for it)
    var event =
        new org.penpals.contracts.matching.MatchesPublished(
            cycleId, "run-1", 1, 0, java.time.Instant.now());
    try (var producer =
        new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(
            java.util.Map.of(
                "bootstrap.servers",
                org.penpals.platform.testkit.SharedInfrastructure.kafkaBootstrapServers(),
                "key.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer",
                org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
      for (int i = 0; i < 2; i++) { // delivered twice: handled once
        var record =
            new org.apache.kafka.clients.producer.ProducerRecord<>(
                Topics.MATCHING_RUNS,
                cycleId,
                new org.penpals.platform.events.EventJson().write(event));
        record.headers().add("ce_id", "published-once".getBytes());
        record
            .headers()
            .add(
                "ce_type",
                org.penpals.contracts.matching.MatchingEvents.MATCHES_PUBLISHED.type().getBytes());
        producer.send(record).get();
      }
    }

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                api.raw()
                    .get(RegistrationApi.BASE + "/cycles/" + cycleId, coordinator)
                    .json()
                    .get("status")
                    .asString()
                    .equals("MATCHES_PUBLISHED"));
    Api.Response edit =
        api.raw()
            .put(
                RegistrationApi.BASE + "/participants/me",
                ApplicationFixture.anApplication().profileJson(),
                TestTokens.participant(participant));
    assertThat(edit.status()).isEqualTo(409);
  }
}
