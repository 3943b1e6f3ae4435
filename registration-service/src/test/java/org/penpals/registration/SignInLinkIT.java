package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.contracts.registration.SignInLinkRequested;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.ApplicationFixture;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in to the portal by an emailed one-time link. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInLinkIT {
  static final String LINKS = RegistrationApi.BASE + "/sign-in-links";
  static final String REDEMPTIONS = LINKS + "/redemptions";
  static final String SIGN_IN = RegistrationEvents.SIGN_IN_LINK_REQUESTED.type();

  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  RegistrationApi api;
  String cycleId;
  TopicReader links;

  @BeforeAll
  void readLinks() {
    links = TopicReader.fromNow(Topics.REGISTRATION_SIGN_IN_LINKS);
  }

  @AfterAll
  void closeLinks() {
    links.close();
  }

  @BeforeEach
  void openCycle() {
    api = new RegistrationApi(port);
    cycleId = api.openCycle();
  }

  @Test
  void shouldPublishOneLinkEventWithTheRightFieldsAndKeepOnlyTheTokensHash() {
    // given a verified participant
    ApplicationFixture application = anApplication().with("locale", "es");
    String id = verified(cycleId, application);
    Instant before = Instant.now();

    // when they ask for a sign-in link
    Api.Response answer = requestLink(application.email().toUpperCase());

    // then the answer is 202 and exactly one event asks messaging to mail the link
    assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
    SignInLinkRequested event = awaitLinks(id, 1).get(0).as(SignInLinkRequested.class);
    assertThat(event.participantId()).isEqualTo(id);
    assertThat(event.cycleId()).isEqualTo(cycleId);
    assertThat(event.email()).isEqualTo(application.email());
    assertThat(event.fullName()).isEqualTo("Maria Petrova");
    assertThat(event.language()).isEqualTo("es");
    assertThat(event.expiresAt())
        .isAfter(before.plus(Duration.ofMinutes(14)))
        .isBefore(Instant.now().plus(Duration.ofMinutes(15).plusSeconds(5)));
    assertThat(Base64.getUrlDecoder().decode(event.token())).hasSizeGreaterThanOrEqualTo(32);
    assertThat(links.drain(Duration.ofMillis(500)))
        .filteredOn(TopicReader.event(SIGN_IN, id))
        .hasSize(1);
    // and the store keeps the hash as the link's id, never the token once it is published
    await()
        .until(
            () ->
                link(event.token()) != null
                    && link(event.token()).getList("_outbox", Document.class, List.of()).isEmpty());
    Document stored = link(event.token());
    assertThat(stored.getString("participantId")).isEqualTo(id);
    assertThat(stored.toJson()).doesNotContain(event.token());
  }

  @Test
  void shouldSignInWithTheLinkExactlyOnce() {
    ApplicationFixture application = anApplication().with("locale", "fr");
    String id = verified(cycleId, application);
    String token = linkToken(id, application.email());

    Api.Response first = redeem(token);
    Api.Response second = redeem(token);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get("participantId").asString()).isEqualTo(id);
    assertThat(first.json().get("cycleId").asString()).isEqualTo(cycleId);
    assertThat(first.json().get("language").asString()).isEqualTo("fr");
    assertThat(first.json().get("name").asString()).isEqualTo("Maria Petrova");
    assertGone(second);
    assertThat(link(token)).isNull();
  }

  @Test
  void shouldLetOnlyOneOfTwoConcurrentRedemptionsIn() throws Exception {
    ApplicationFixture application = anApplication();
    String id = verified(cycleId, application);
    String token = linkToken(id, application.email());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Api.Response>> attempts =
          java.util.stream.IntStream.range(0, 4)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            try {
                              start.await();
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            return redeem(token);
                          },
                          pool))
              .toList();
      start.countDown();
      List<Integer> statuses = attempts.stream().map(a -> a.join().status()).toList();
      assertThat(statuses).containsExactlyInAnyOrder(200, 410, 410, 410);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRefuseAnExpiredLinkLikeAUsedOne() {
    ApplicationFixture application = anApplication();
    String id = verified(cycleId, application);
    String token = linkToken(id, application.email());
    database
        .getCollection("sign_in_links")
        .updateOne(
            Filters.eq("_id", sha256(token)),
            Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));

    assertGone(redeem(token));
  }

  @Test
  void shouldAnswerAnUnknownTokenLikeAUsedOne() {
    Api.Response unknown = redeem(newToken());

    assertGone(unknown);
  }

  @Test
  void shouldAnswerAnUnknownEmailExactlyLikeAKnownOneAndPublishNothingForIt() {
    ApplicationFixture application = anApplication();
    String id = verified(cycleId, application);

    Api.Response known = requestLink(application.email());
    String nobody = "nobody-" + java.util.UUID.randomUUID() + "@example.org";
    Api.Response unknown = requestLink(nobody);

    assertThat(unknown.status()).isEqualTo(202);
    assertThat(unknown.body()).isEqualTo(known.body());
    assertThat(unknown.contentType()).isEqualTo(known.contentType());
    awaitLinks(id, 1);
    assertThat(links.drain(Duration.ofMillis(500)))
        .filteredOn(TopicReader.type(SIGN_IN))
        .noneMatch(r -> r.data().contains(nobody));
  }

  @Test
  void shouldMailNothingToAnApplicantWhoseEmailIsNotVerifiedYet() {
    ApplicationFixture application = anApplication();
    String id = api.applied(cycleId, application);

    assertThat(requestLink(application.email()).status()).isEqualTo(202);

    assertNoLink(id, 0);
  }

  @Test
  void shouldMailNothingToAWithdrawnParticipantAndRefuseTheirEarlierLink() {
    ApplicationFixture application = anApplication();
    String id = verified(cycleId, application);
    String token = linkToken(id, application.email());
    Api.Response withdrawn =
        api.raw()
            .post(
                RegistrationApi.BASE + "/participants/me/withdrawal",
                null,
                TestTokens.participant(id));
    assertThat(withdrawn.status()).isEqualTo(200);

    assertThat(requestLink(application.email()).status()).isEqualTo(202);

    assertNoLink(id, 1);
    assertGone(redeem(token));
  }

  @Test
  void shouldMailNothingToAnErasedParticipantAndRefuseTheirEarlierLink() {
    ApplicationFixture application = anApplication();
    String id = verified(cycleId, application);
    String token = linkToken(id, application.email());
    assertThat(
            api.raw()
                .delete(RegistrationApi.BASE + "/participants/me", TestTokens.participant(id))
                .status())
        .isEqualTo(204);

    assertThat(requestLink(application.email()).status()).isEqualTo(202);

    assertNoLink(id, 1);
    assertGone(redeem(token));
  }

  @Test
  void shouldSignInToTheNewestCycleTheParticipantIsVerifiedIn() {
    ApplicationFixture application = anApplication();
    verified(cycleId, application);
    String newer = api.openCycle();
    String newerId = verified(newer, anApplication().withEmail(application.email()));

    String token = linkToken(newerId, application.email());

    Api.Response signedIn = redeem(token);
    assertThat(signedIn.json().get("participantId").asString()).isEqualTo(newerId);
    assertThat(signedIn.json().get("cycleId").asString()).isEqualTo(newer);
  }

  @Test
  void shouldSendAtMostFiveLinksPerEmailAndHourAndAnswerTheSameBeyond() {
    ApplicationFixture application = anApplication();
    String id = verified(cycleId, application);

    List<Api.Response> answers =
        java.util.stream.IntStream.range(0, 7)
            .mapToObj(i -> requestLink(application.email()))
            .toList();

    assertThat(answers).extracting(Api.Response::status).containsOnly(202);
    assertThat(answers).extracting(Api.Response::body).containsOnly(answers.get(0).body());
    awaitLinks(id, 5);
    assertThat(links.drain(Duration.ofSeconds(1)))
        .filteredOn(TopicReader.event(SIGN_IN, id))
        .hasSize(5);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"email\":null}",
        "{\"email\":\"\"}",
        "{\"email\":\"not-an-email\"}",
        "{\"email\":\"a@b\"}",
        "{\"email\":[\"a@example.org\"]}",
        "{\"email\":{\"x\":1}}"
      })
  void shouldNameTheEmailOfABadLinkRequest(String body) {
    BadInputIT.assertProblem(api.raw().post(LINKS, body, null), 400, "email");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"token\":null}",
        "{\"token\":\"\"}",
        "{\"token\":\"short\"}",
        "{\"token\":\"has spaces and ! marks in it\"}",
        "{\"token\":[\"x\"]}"
      })
  void shouldNameTheTokenOfABadRedemption(String body) {
    BadInputIT.assertProblem(api.raw().post(REDEMPTIONS, body, null), 400, "token");
  }

  @Test
  void shouldAnswerMalformedBodiesWithAProblem() {
    BadInputIT.assertProblem(api.raw().post(LINKS, "{\"email\":", null), 400, "body");
    BadInputIT.assertProblem(api.raw().post(REDEMPTIONS, "[1,2]", null), 400, "body");
    BadInputIT.assertProblem(api.raw().post(LINKS, null, null), 400, "email");
    BadInputIT.assertProblem(api.raw().post(REDEMPTIONS, null, null), 400, "token");
  }

  // ------------------------------------------------------------------ helpers

  private String verified(String cycle, ApplicationFixture application) {
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      String id = api.applied(cycle, application);
      String token = RegistrationApi.verificationToken(topic, id);
      Api.Response verified = api.verify(token);
      assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
      return id;
    }
  }

  private String linkToken(String participantId, String email) {
    int before =
        (int) links.poll().stream().filter(TopicReader.event(SIGN_IN, participantId)).count();
    assertThat(requestLink(email).status()).isEqualTo(202);
    List<CloudEventRecord> received = awaitLinks(participantId, before + 1);
    return received.get(received.size() - 1).as(SignInLinkRequested.class).token();
  }

  private List<CloudEventRecord> awaitLinks(String participantId, int count) {
    return links.await(TopicReader.event(SIGN_IN, participantId), count);
  }

  /** Asserts that no link beyond the {@code earlier} ones was published for the participant. */
  private void assertNoLink(String participantId, int earlier) {
    assertThat(links.drain(Duration.ofMillis(800)))
        .filteredOn(TopicReader.event(SIGN_IN, participantId))
        .hasSize(earlier);
  }

  private Api.Response requestLink(String email) {
    return api.raw().post(LINKS, "{\"email\":\"" + email + "\"}", null);
  }

  private Api.Response redeem(String token) {
    return api.raw().post(REDEMPTIONS, "{\"token\":\"" + token + "\"}", null);
  }

  private static void assertGone(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(410);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString())
        .isEqualTo("https://penpals.org/problems/sign-in-link-gone");
    assertThat(response.json().get("title").asString()).isEqualTo("Used or expired sign-in link");
    assertThat(response.body()).doesNotContain("Exception");
  }

  private Document link(String token) {
    return database.getCollection("sign_in_links").find(Filters.eq("_id", sha256(token))).first();
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
