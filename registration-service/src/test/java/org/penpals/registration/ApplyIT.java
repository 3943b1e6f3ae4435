package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.Admission;
import org.penpals.contracts.registration.ParticipantRegistered;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PenpalsIntegrationTest
class ApplyIT {
  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  RegistrationApi api;

  @BeforeEach
  void api() {
    api = new RegistrationApi(port);
  }

  @Test
  void shouldStoreAnApplicationAndPublishParticipantRegisteredWithCloudEventsHeaders() {
    String cycleId = api.openCycle();
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      // when
      Api.Response response =
          api.apply(cycleId, anApplication().from("BG").withEmail("Maria@Example.org"));

      // then: 201 with the new application
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      String id = response.json().get("id").asString();
      assertThat(response.json().get("status").asString()).isEqualTo("PENDING_VERIFICATION");
      assertThat(response.json().get("admission").asString()).isEqualTo("ADMITTED");

      // and it is stored
      Document stored = database.getCollection("participants").find(Filters.eq("_id", id)).first();
      assertThat(stored).isNotNull();
      assertThat(stored.getString("cycleId")).isEqualTo(cycleId);
      assertThat(stored.get("profile", Document.class).getString("email"))
          .isEqualTo("maria@example.org");

      // and a plain Kafka consumer reads ParticipantRegistered with CloudEvents headers
      List<CloudEventRecord> records =
          topic.await(TopicReader.event(RegistrationEvents.PARTICIPANT_REGISTERED.type(), id), 1);
      CloudEventRecord record = records.get(0);
      assertThat(record.headers())
          .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
          .containsEntry(CloudEventHeaders.SOURCE, "/penpals/registration-service")
          .containsEntry(CloudEventHeaders.SUBJECT, id)
          .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
          .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME);
      ParticipantRegistered event = record.as(ParticipantRegistered.class);
      assertThat(event.cycleId()).isEqualTo(cycleId);
      assertThat(event.revision()).isEqualTo(1);
      assertThat(event.admission()).isEqualTo(Admission.ADMITTED);
      assertThat(event.profile().countryCode()).isEqualTo("BG");
      assertThat(event.personKey()).isNotBlank().doesNotContain("maria");

      // and the verification request follows, carrying a token only the mail will show
      topic.await(TopicReader.event(RegistrationEvents.VERIFICATION_REQUESTED.type(), id), 1);
    }
  }

  @Test
  void shouldTakeOverAnEmailClaimLeftByACrashBetweenItsTwoWrites() {
    // given a claim whose application was never written (the service died in between)
    String cycleId = api.openCycle();
    database
        .getCollection("email_claims")
        .insertOne(
            new Document("_id", cycleId + "|crashed@example.org")
                .append("participantId", "never-written")
                .append("at", java.util.Date.from(java.time.Instant.now().minusSeconds(600))));

    // when the person applies again
    Api.Response response = api.apply(cycleId, anApplication().withEmail("crashed@example.org"));

    // then the application goes through and owns the claim
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(
            database
                .getCollection("email_claims")
                .find(Filters.eq("_id", cycleId + "|crashed@example.org"))
                .first()
                .getString("participantId"))
        .isEqualTo(response.json().get("id").asString());
  }
}
