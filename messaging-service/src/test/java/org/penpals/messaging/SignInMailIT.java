package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.messaging.support.MailServer.html;
import static org.penpals.messaging.support.MailServer.subject;
import static org.penpals.messaging.support.MailServer.text;

import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.ParticipantVerificationRequested;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.contracts.registration.SignInLinkRequested;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.platform.testkit.TopicReader;

/** Sign-in links and verification links mailed into the portal. */
class SignInMailIT extends MessagingIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PORTAL = "http://localhost:8090";

  @Test
  void shouldMailTheSignInLinkOnceInTheParticipantsLanguage() {
    // given a participant who asked to sign in
    String participantId = Upstream.unique("p");
    String email = participantId + "@example.org";
    String token = "tok_" + UUID.randomUUID().toString().replace("-", "");
    SignInLinkRequested requested =
        new SignInLinkRequested(
            participantId,
            "cycle-s",
            email,
            "Zoé Dupont",
            "fr",
            token,
            Instant.now().plus(Duration.ofMinutes(15)));

    // when registration's event arrives, and is redelivered, and published again
    String eventId = upstream.send(requested);
    upstream.send(requested, eventId);
    upstream.send(requested);

    // then one French mail carries the portal's sign-in link
    await().atMost(WAIT).until(() -> smtp.to(email).size() >= 1);
    MimeMessage mail = smtp.to(email).get(0);
    assertThat(subject(mail)).isEqualTo("Votre lien de connexion à Penpals");
    assertThat(html(mail)).contains("href=\"" + PORTAL + "/sign-in/" + token + "\"", "Zoé Dupont");
    assertThat(text(mail)).contains(PORTAL + "/sign-in/" + token);
    // and once it is sent, the token is nowhere in the store
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Document stored = signInMail(participantId);
              return stored != null && "SENT".equals(stored.getString("status"));
            });
    assertThat(signInMail(participantId).toJson()).doesNotContain(token);
    assertThat(smtp.to(email)).hasSize(1);
  }

  @Test
  void shouldNotMailALinkThatExpiredBeforeItsEventArrived() {
    String participantId = Upstream.unique("p");
    String email = participantId + "@example.org";
    String fresh = Upstream.unique("q") + "@example.org";

    upstream.send(
        new SignInLinkRequested(
            participantId,
            "cycle-s",
            email,
            "Late Arrival",
            "en",
            "tok_expired_" + UUID.randomUUID().toString().replace("-", ""),
            Instant.now().minusSeconds(1)));
    upstream.send(
        new SignInLinkRequested(
            Upstream.unique("p"),
            "cycle-s",
            fresh,
            "On Time",
            "en",
            "tok_fresh_" + UUID.randomUUID().toString().replace("-", ""),
            Instant.now().plus(Duration.ofMinutes(15))));

    // the later event is mailed, so the earlier one was handled by then
    await().atMost(WAIT).until(() -> smtp.to(fresh).size() == 1);
    assertThat(subject(smtp.to(fresh).get(0))).isEqualTo("Your sign-in link for Penpals");
    assertThat(smtp.to(email)).isEmpty();
  }

  @Test
  void shouldPointTheVerificationLinkAtThePortal() {
    String participantId = Upstream.unique("p");
    String email = participantId + "@example.org";
    String token = "tok_" + UUID.randomUUID().toString().replace("-", "");

    upstream.send(
        new ParticipantVerificationRequested(
            participantId,
            "cycle-v",
            email,
            "Ana Silva",
            "es",
            token,
            Instant.now().plus(Duration.ofHours(72))));

    await().atMost(WAIT).until(() -> smtp.to(email).size() == 1);
    assertThat(html(smtp.to(email).get(0)))
        .contains("href=\"" + PORTAL + "/verify/" + token + "\"");
  }

  @Test
  void shouldDeadLetterAPoisonSignInEventAndCarryOn() {
    String participantId = Upstream.unique("p");
    String email = participantId + "@example.org";
    String dlt = Topics.deadLetter(Topics.REGISTRATION_SIGN_IN_LINKS, "messaging-service");
    try (TopicReader deadLetters = TopicReader.fromNow(dlt)) {
      upstream.sendRaw(
          Topics.REGISTRATION_SIGN_IN_LINKS,
          RegistrationEvents.SIGN_IN_LINK_REQUESTED.type(),
          participantId,
          "{\"participantId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
          UUID.randomUUID().toString());
      upstream.send(
          new SignInLinkRequested(
              participantId,
              "cycle-s",
              email,
              "After Poison",
              "en",
              "tok_" + UUID.randomUUID().toString().replace("-", ""),
              Instant.now().plus(Duration.ofMinutes(15))));

      assertThat(deadLetters.await(r -> participantId.equals(r.key()), 1, WAIT)).hasSize(1);
      await().atMost(WAIT).until(() -> smtp.to(email).size() == 1);
    }
  }

  private Document signInMail(String participantId) {
    return database()
        .getCollection("mails")
        .find(Filters.regex("_id", "^signin:" + java.util.regex.Pattern.quote(participantId)))
        .first();
  }
}
