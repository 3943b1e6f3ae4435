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
import org.penpals.contracts.registration.ParticipantWithdrawn;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.participant.application.Secrets;
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
      String token = RegistrationApi.verificationToken(topic, id);

      Api.Response verified = api.verify(token);
      Api.Response again = api.verify(token);

      assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
      assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
      assertThat(again.status()).isEqualTo(400);
      assertThat(BadInputIT.fields(again.json())).containsExactly("token");
      topic.await(TopicReader.event(RegistrationEvents.EMAIL_VERIFIED.type(), id), 1);
      assertThat(api.raw().get(ME, TestTokens.participant(id)).json().get("status").asString())
          .isEqualTo("VERIFIED");
      // the store never holds the token itself
      assertThat(raw(id).toJson()).doesNotContain(token);
      // the token names its participant, so applying wrote no look-up document
      assertThat(token).startsWith(id + ".");
      assertThat(
              database
                  .getCollection("verifications")
                  .countDocuments(Filters.eq("participantId", id)))
          .isZero();
    }
  }

  @Test
  void shouldRefuseATokenWhoseSecretOrParticipantIsWrong() {
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      String id = api.applied(cycleId, anApplication());
      String token = RegistrationApi.verificationToken(topic, id);
      String secret = token.substring(token.lastIndexOf('.') + 1);
      String other = api.applied(cycleId, anApplication());

      for (String wrong :
          java.util.List.of(
              id + "." + secret.substring(1) + (secret.charAt(0) == 'A' ? "B" : "A"), // one char
              other + "." + secret, // the right secret for another participant
              "no-such-participant." + secret,
              "." + secret,
              secret)) {
        Api.Response refused = api.verify(wrong);
        assertThat(refused.status()).as(wrong).isEqualTo(400);
        assertThat(BadInputIT.fields(refused.json())).containsExactly("token");
      }
      assertThat(api.raw().get(ME, TestTokens.participant(id)).json().get("status").asString())
          .isEqualTo("PENDING_VERIFICATION");
      assertThat(api.raw().get(ME, TestTokens.participant(other)).json().get("status").asString())
          .isEqualTo("PENDING_VERIFICATION");
    }
  }

  @Test
  void shouldStillVerifyATokenIssuedBeforeTokensNamedTheirParticipant() {
    // given an application whose pending token is of the old kind: random only, found through a
    // look-up document keyed by its hash (what applying wrote until 2026-11-30)
    String id = api.applied(cycleId, anApplication());
    String legacy = "x".repeat(43);
    String hash = Secrets.hash(legacy);
    database
        .getCollection("participants")
        .updateOne(
            Filters.eq("_id", id),
            new Document("$set", new Document("verification.tokenHash", hash)));
    database
        .getCollection("verifications")
        .insertOne(new Document("_id", hash).append("participantId", id));

    // when its link is followed
    Api.Response verified = api.verify(legacy);

    // then it verifies once, and the look-up is gone once it is stale
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
    Api.Response again = api.verify(legacy);
    assertThat(again.status()).isEqualTo(400);
    assertThat(database.getCollection("verifications").countDocuments(Filters.eq("_id", hash)))
        .isZero();
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
