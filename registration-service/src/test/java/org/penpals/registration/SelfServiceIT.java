package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.ParticipantErased;
import org.penpals.contracts.registration.ParticipantProfileUpdated;
import org.penpals.contracts.registration.ParticipantVerificationRequested;
import org.penpals.contracts.registration.ParticipantWithdrawn;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.ApplicationFixture;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PenpalsIntegrationTest
class SelfServiceIT {
  static final String ME = RegistrationApi.BASE + "/participants/me";
  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  RegistrationApi api;
  String cycleId;

  @BeforeEach
  void api() {
    api = new RegistrationApi(port);
    cycleId = api.openCycle();
  }

  @Test
  void shouldVerifyTheEmailWithTheTokenFromTheMailOnceOnly() {
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      String id = api.applied(cycleId, anApplication());
      String token =
          topic
              .await(TopicReader.event(RegistrationEvents.VERIFICATION_REQUESTED.type(), id), 1)
              .get(0)
              .as(ParticipantVerificationRequested.class)
              .token();

      Api.Response verified =
          api.raw()
              .post(RegistrationApi.BASE + "/verifications", "{\"token\":\"" + token + "\"}", null);
      Api.Response again =
          api.raw()
              .post(RegistrationApi.BASE + "/verifications", "{\"token\":\"" + token + "\"}", null);

      assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
      assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
      assertThat(again.status()).isEqualTo(400);
      assertThat(BadInputIT.fields(again.json())).containsExactly("token");
      topic.await(TopicReader.event(RegistrationEvents.EMAIL_VERIFIED.type(), id), 1);
      assertThat(api.raw().get(ME, TestTokens.participant(id)).json().get("status").asString())
          .isEqualTo("VERIFIED");
      // the store never holds the token itself
      assertThat(raw(id).toJson()).doesNotContain(token);
    }
  }

  @Test
  void shouldResendAVerificationWithoutRevealingWhetherTheEmailApplied() {
    ApplicationFixture application = anApplication();
    String id = api.applied(cycleId, application);
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      Api.Response known =
          api.raw()
              .post(
                  RegistrationApi.BASE + "/verifications/resend",
                  "{\"cycleId\":\"" + cycleId + "\",\"email\":\"" + application.email() + "\"}",
                  null);
      Api.Response unknown =
          api.raw()
              .post(
                  RegistrationApi.BASE + "/verifications/resend",
                  "{\"cycleId\":\"" + cycleId + "\",\"email\":\"nobody@example.org\"}",
                  null);

      assertThat(known.status()).isEqualTo(202);
      assertThat(unknown.status()).isEqualTo(202);
      assertThat(known.body()).isEqualTo(unknown.body());
      topic.await(TopicReader.event(RegistrationEvents.VERIFICATION_REQUESTED.type(), id), 1);
    }
  }

  @Test
  void shouldLetAParticipantEditTheirApplicationAndPublishTheNewProfile() {
    String id = api.applied(cycleId, anApplication());
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      Api.Response updated =
          api.raw()
              .put(
                  ME,
                  anApplication()
                      .with("city", "Sofia")
                      .with("interests", java.util.List.of("advocacy"))
                      .profileJson(),
                  TestTokens.participant(id));

      assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
      assertThat(updated.json().get("profile").get("city").asString()).isEqualTo("Sofia");
      ParticipantProfileUpdated event =
          topic
              .await(TopicReader.event(RegistrationEvents.PROFILE_UPDATED.type(), id), 1)
              .get(0)
              .as(ParticipantProfileUpdated.class);
      assertThat(event.revision()).isEqualTo(2);
      assertThat(event.profile().interests()).containsExactly("advocacy");
    }
  }

  @Test
  void shouldValidateAnEditLikeAnApplication() {
    String id = api.applied(cycleId, anApplication());
    Api.Response bad =
        api.raw()
            .put(
                ME,
                anApplication().with("timeZone", "Nowhere/Else").profileJson(),
                TestTokens.participant(id));
    BadInputIT.assertProblem(bad, 400, "timeZone");
  }

  @Test
  void shouldWithdrawOnceAndPublishIt() {
    String id = api.applied(cycleId, anApplication());
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      Api.Response withdrawn =
          api.raw()
              .post(ME + "/withdrawal", "{\"reason\":\"new job\"}", TestTokens.participant(id));
      Api.Response twice = api.raw().post(ME + "/withdrawal", null, TestTokens.participant(id));

      assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
      assertThat(twice.status()).isEqualTo(200);
      assertThat(
              topic.await(
                  TopicReader.event(RegistrationEvents.PARTICIPANT_WITHDRAWN.type(), id), 1))
          .singleElement()
          .satisfies(
              r -> assertThat(r.as(ParticipantWithdrawn.class).reason()).isEqualTo("new job"));
      assertThat(topic.drain(java.time.Duration.ofMillis(300)))
          .filteredOn(TopicReader.event(RegistrationEvents.PARTICIPANT_WITHDRAWN.type(), id))
          .hasSize(1);
      Api.Response edit =
          api.raw().put(ME, anApplication().profileJson(), TestTokens.participant(id));
      assertThat(edit.status()).isEqualTo(409);
    }
  }

  @Test
  void shouldExportEverythingHeldAboutTheParticipant() {
    ApplicationFixture application = anApplication().with("hopes", "to learn about bookmobiles");
    String id = api.applied(cycleId, application);

    Api.Response export = api.raw().get(ME + "/export", TestTokens.participant(id));

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.json().get("application").get("profile").get("email").asString())
        .isEqualTo(application.email());
    assertThat(export.json().get("application").get("profile").get("hopes").asString())
        .isEqualTo("to learn about bookmobiles");
    assertThat(export.json().get("consent").get("privacyNotice").asBoolean()).isTrue();
  }

  @Test
  void shouldEraseThePersonalDataFromTheStoreAndPublishParticipantErased() {
    ApplicationFixture application =
        anApplication()
            .with("fullName", "Zdravka Erasable")
            .with("organisation", "Unique Org 4711")
            .with("city", "Gabrovo");
    String id = api.applied(cycleId, application);
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      Api.Response erased = api.raw().delete(ME, TestTokens.participant(id));

      assertThat(erased.status()).isEqualTo(204);
      ParticipantErased event =
          topic
              .await(TopicReader.event(RegistrationEvents.PARTICIPANT_ERASED.type(), id), 1)
              .get(0)
              .as(ParticipantErased.class);
      assertThat(event.cycleId()).isEqualTo(cycleId);
      org.awaitility.Awaitility.await()
          .until(() -> raw(id).getList("_outbox", Document.class, java.util.List.of()).isEmpty());
      String stored = raw(id).toJson();
      assertThat(stored)
          .doesNotContain("Zdravka")
          .doesNotContain("Erasable")
          .doesNotContain(application.email())
          .doesNotContain("Unique Org 4711")
          .doesNotContain("Gabrovo")
          .doesNotContain("bookmobiles")
          .contains("ERASED");
      assertThat(raw(id).containsKey("personKey")).isFalse();
      assertThat(api.raw().get(ME, TestTokens.participant(id)).status()).isEqualTo(404);
      // the email may apply again
      assertThat(api.apply(cycleId, anApplication().withEmail(application.email())).status())
          .isEqualTo(201);
    }
  }

  private Document raw(String id) {
    return database.getCollection("participants").find(Filters.eq("_id", id)).first();
  }
}
