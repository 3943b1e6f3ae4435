package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.messaging.support.MailServer.header;
import static org.penpals.messaging.support.MailServer.html;

import com.mongodb.client.model.Filters;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.ParticipantProfileUpdated;
import org.penpals.contracts.registration.ParticipantVerificationRequested;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Exactly once, never lost: outages, redeliveries, poison, permanent failures, resending. */
class DeliveryGuaranteesIT extends MessagingIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private final String coordinator = TestTokens.staff(Role.COORDINATOR);
  @Autowired CircuitBreakerRegistry circuitBreakers;

  private Document mailDocument(String mailId) {
    return database().getCollection("mails").find(Filters.eq("_id", mailId)).first();
  }

  private JsonNode staffLog(Person person) {
    Api.Response log = api.get("/api/messaging/mails?participantId=" + person.id(), coordinator);
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    return log.json();
  }

  @Test
  void shouldDeliverEveryQueuedMailExactlyOnceAfterAnSmtpOutage() {
    // given the mail server is down
    String cycle = Upstream.unique("cycle");
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      people.add(upstream.register(cycle, "Person " + i, "GB", "Library", "Europe/London", "en"));
    }
    String partnership = upstream.formed(cycle, people.get(0), people.get(1));
    awaitKnown(people.toArray(Person[]::new));
    smtp.down();
    try (TopicReader mails = TopicReader.fromNow(Topics.MESSAGING_MAILS)) {

      // when prompts fall due, one of them delivered twice with the same event id and once more
      // under a new event id
      List<String> mailIds = new ArrayList<>();
      for (Person person : people) {
        PromptDue due = upstream.due(person, partnership, 1, false);
        mailIds.add("prompt:" + due.deliveryId() + ":" + person.id());
        if (person == people.get(0)) {
          String eventId = UUID.randomUUID().toString();
          upstream.send(due, eventId);
          upstream.send(due, eventId);
        }
      }

      // then the circuit opens, nothing is lost: every mail waits, stored
      CircuitBreaker breaker = circuitBreakers.circuitBreaker("smtp");
      await().atMost(WAIT).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
      await().atMost(WAIT).until(() -> mailIds.stream().allMatch(id -> mailDocument(id) != null));
      assertThat(mailIds)
          .allSatisfy(
              id -> assertThat(mailDocument(id).getString("status")).isIn("PENDING", "SENDING"));
      assertThat(people).allSatisfy(p -> assertThat(smtp.to(p.email())).isEmpty());

      // when the server is back
      smtp.up();

      // then every mail is delivered exactly once, each with its own stable Message-ID
      List<CloudEventRecord> sent =
          mails.await(
              r -> MessagingEvents.MAIL_SENT.type().equals(r.type()) && mailIds.contains(r.key()),
              people.size(),
              WAIT);
      assertThat(sent).extracting(CloudEventRecord::key).doesNotHaveDuplicates();
      Set<String> messageIds = new HashSet<>();
      for (Person person : people) {
        List<MimeMessage> received = smtp.to(person.email());
        assertThat(received).as(person.email()).hasSize(1);
        messageIds.add(header(received.get(0), "Message-ID"));
      }
      assertThat(messageIds).hasSize(people.size()).allMatch(id -> id.endsWith("@penpals.local>"));
      assertThat(breaker.getState()).isNotEqualTo(CircuitBreaker.State.OPEN);
      assertThat(staffLog(people.get(0)).get(0).get("status").asString()).isEqualTo("SENT");
    } finally {
      smtp.up();
    }
  }

  @Test
  void shouldDeadLetterAPoisonEventAndCarryOn() {
    // given a participant
    String cycle = Upstream.unique("cycle");
    Person person = upstream.register(cycle, "Poison Test", "IE", "Library", "Europe/Dublin", "en");
    awaitKnown(person);
    String partnership = Upstream.unique("ps");
    String dlt = Topics.deadLetter(Topics.PROMPT_DELIVERIES, "messaging-service");
    try (TopicReader deadLetters = TopicReader.fromNow(dlt)) {

      // when a record that breaks the contract arrives, followed by a valid one
      upstream.sendRaw(
          Topics.PROMPT_DELIVERIES,
          PromptEvents.PROMPT_DUE.type(),
          partnership,
          "{\"deliveryId\":42".getBytes(StandardCharsets.UTF_8),
          UUID.randomUUID().toString());
      upstream.due(person, partnership, 1, false);

      // then the poison lands on the dead-letter topic and the valid prompt is mailed
      assertThat(deadLetters.await(r -> partnership.equals(r.key()), 1, WAIT)).hasSize(1);
      await().atMost(WAIT).until(() -> smtp.to(person.email()).size() == 1);
    }
  }

  @Test
  void shouldRecordAPermanentFailureShowItToStaffAndResendToTheCorrectedAddress() {
    // given a participant whose mailbox does not exist
    String cycle = Upstream.unique("cycle");
    String id = Upstream.unique("p");
    Person bouncing =
        upstream.register(
            new Person(
                id,
                cycle,
                "Bounce Test",
                "bounce-" + id + "@example.org",
                "NZ",
                "Library",
                "Pacific/Auckland",
                "en"));
    Person person =
        new Person(
            id,
            cycle,
            "Bounce Test",
            id + "@example.org",
            "NZ",
            "Library",
            "Pacific/Auckland",
            "en");
    awaitKnown(bouncing);
    String partnership = Upstream.unique("ps");

    try (TopicReader mails = TopicReader.fromNow(Topics.MESSAGING_MAILS)) {
      // when a prompt falls due for them
      PromptDue due = upstream.due(person, partnership, 1, false);
      String mailId = "prompt:" + due.deliveryId() + ":" + person.id();

      // then the server's 550 is recorded as a permanent failure, not retried
      CloudEventRecord failed =
          mails
              .await(TopicReader.event(MessagingEvents.MAIL_FAILED.type(), mailId), 1, WAIT)
              .get(0);
      assertThat(failed.json().get("reason").asString()).contains("550");
      Document stored = mailDocument(mailId);
      assertThat(stored.getString("status")).isEqualTo("FAILED");
      assertThat(stored.getInteger("attempts")).isZero();
      Api.Response failures =
          api.get("/api/messaging/mails/failures?cycleId=" + cycle, TestTokens.staff(Role.VIEWER));
      assertThat(failures.status()).isEqualTo(200);
      assertThat(failures.json().get(0).get("id").asString()).isEqualTo(mailId);
      assertThat(failures.json().get(0).get("failure").asString()).contains("mailbox unavailable");

      // when the address is corrected and staff resend
      upstream.send(new ParticipantProfileUpdated(person.id(), cycle, 2, person.profile()));
      awaitKnown(person);
      await()
          .atMost(WAIT)
          .until(
              () -> {
                Api.Response resent =
                    api.post("/api/messaging/mails/" + mailId + "/resend", null, coordinator);
                return resent.status() == 200
                    && person.email().equals(resent.json().get("to").asString());
              });

      // then the mail reaches the corrected address, once, as a new message
      await().atMost(WAIT).until(() -> smtp.to(person.email()).size() == 1);
      await().atMost(WAIT).until(() -> "SENT".equals(mailDocument(mailId).getString("status")));
      assertThat(mailDocument(mailId).getInteger("resends")).isEqualTo(1);
      assertThat(header(smtp.to(person.email()).get(0), "Message-ID"))
          .endsWith(".1@penpals.local>");
      assertThat(smtp.to(bouncing.email())).isEmpty();
      // and a viewer may read the log but not resend
      assertThat(
              api.post(
                      "/api/messaging/mails/" + mailId + "/resend",
                      null,
                      TestTokens.staff(Role.VIEWER))
                  .status())
          .isEqualTo(403);
      assertThat(
              api.get("/api/messaging/mails/failures", TestTokens.participant(person.id()))
                  .status())
          .isEqualTo(403);
    }
  }

  @Test
  void shouldMailTheVerificationLinkAndKeepNoTokenOnceSent() {
    // given an applicant who must confirm their email
    String participantId = Upstream.unique("p");
    String token = "tok-" + UUID.randomUUID();
    String email = participantId + "@example.org";

    // when registration asks for the link, twice (a redelivery)
    var requested =
        new ParticipantVerificationRequested(
            participantId,
            "cycle-v",
            email,
            "Zoé Dupont",
            "fr",
            token,
            Instant.parse("2030-01-01T12:00:00Z"));
    String eventId = upstream.send(requested);
    upstream.send(requested, eventId);
    upstream.send(requested);

    // then one mail carries the link, in French
    await().atMost(WAIT).until(() -> smtp.to(email).size() >= 1);
    MimeMessage mail = smtp.to(email).get(0);
    assertThat(html(mail)).contains("/verify/" + token, "Bonjour Zoé Dupont");
    // and once it is sent, the token is nowhere in the store
    String mailId = "verify:" + participantId + ":";
    await()
        .atMost(WAIT)
        .until(
            () -> {
              JsonNode log =
                  api.get("/api/messaging/mails?participantId=" + participantId, coordinator)
                      .json();
              return log.size() == 1 && "SENT".equals(log.get(0).get("status").asString());
            });
    JsonNode log =
        api.get("/api/messaging/mails?participantId=" + participantId, coordinator).json();
    assertThat(log.get(0).get("id").asString()).startsWith(mailId).doesNotContain(token);
    Document stored = mailDocument(log.get(0).get("id").asString());
    assertThat(stored.toJson()).doesNotContain(token).doesNotContain("/verify/");
    assertThat(smtp.to(email)).hasSize(1);
    // and a secret mail cannot be resent from the log
    assertThat(
            api.post(
                    "/api/messaging/mails/" + log.get(0).get("id").asString() + "/resend",
                    null,
                    coordinator)
                .status())
        .isEqualTo(409);
  }
}
