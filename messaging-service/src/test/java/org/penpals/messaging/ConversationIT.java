package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.messaging.support.MailServer.html;
import static org.penpals.messaging.support.MailServer.subject;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.registration.ParticipantErased;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import tools.jackson.databind.JsonNode;

/** Partner conversations: who may read and write, text stays text, notifications, erasure. */
class ConversationIT extends MessagingIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private record Pair(String cycle, String partnership, Person first, Person second) {}

  private Pair pair() {
    String cycle = Upstream.unique("cycle");
    Person first =
        upstream.register(cycle, "Ngozi Okafor", "NG", "UNILAG Library", "Africa/Lagos", "en");
    Person second =
        upstream.register(
            cycle,
            "Inés Moreno",
            "AR",
            "Biblioteca Nacional",
            "America/Argentina/Buenos_Aires",
            "es");
    awaitKnown(first, second);
    String partnership = upstream.formed(cycle, first, second);
    await().atMost(WAIT).until(() -> thread(first, partnership).status() == 200);
    return new Pair(cycle, partnership, first, second);
  }

  private Api.Response thread(Person reader, String partnership) {
    return api.get(
        "/api/messaging/conversations/" + partnership + "/messages",
        TestTokens.participant(reader.id()));
  }

  private Api.Response post(Person author, String partnership, String text) {
    return api.post(
        "/api/messaging/conversations/" + partnership + "/messages",
        "{\"text\":"
            + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text)
            + "}",
        TestTokens.participant(author.id()));
  }

  @Test
  void shouldNotLetAParticipantReadOrPostToAnotherPartnershipsThread() {
    // given two partnerships
    Pair ours = pair();
    Pair theirs = pair();
    assertThat(post(theirs.first(), theirs.partnership(), "private to us").status()).isEqualTo(201);

    // when a member of one reads or writes the other's thread
    Api.Response read = thread(ours.first(), theirs.partnership());
    Api.Response write = post(ours.first(), theirs.partnership(), "let me in");

    // then it does not exist for them
    assertThat(read.status()).isEqualTo(404);
    assertThat(read.isProblem()).isTrue();
    assertThat(write.status()).isEqualTo(404);
    assertThat(thread(theirs.second(), theirs.partnership()).json())
        .extracting(m -> m.get("text").asString())
        .containsExactly("private to us");
    // and staff tokens, foreign keys and anonymous callers get nothing either
    String path = "/api/messaging/conversations/" + ours.partnership() + "/messages";
    assertThat(api.get(path, TestTokens.staff(Role.ADMIN)).status()).isEqualTo(403);
    assertThat(api.get(path, TestTokens.signedByStranger(Role.PARTICIPANT)).status())
        .isEqualTo(401);
    assertThat(api.get(path, null).status()).isEqualTo(401);
    // and each sees only their own threads
    JsonNode mine =
        api.get("/api/messaging/conversations", TestTokens.participant(ours.first().id())).json();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("partnershipId").asString()).isEqualTo(ours.partnership());
    assertThat(mine.get(0).get("partners").get(0).get("name").asString()).isEqualTo("Inés Moreno");
  }

  @Test
  void shouldKeepMarkupAsTextAndEnforceTheLengthLimits() {
    // given a partnership
    Pair pair = pair();
    String markup = "<script>alert('hi')</script> <b>Hello</b> & welcome";

    // when a partner writes markup, nothing, or too much
    Api.Response posted = post(pair.first(), pair.partnership(), markup);
    Api.Response empty = post(pair.first(), pair.partnership(), "   ");
    Api.Response tooLong = post(pair.first(), pair.partnership(), "x".repeat(4001));
    Api.Response longest = post(pair.first(), pair.partnership(), "y".repeat(4000));

    // then the markup is kept and shown exactly as text; the limits answer problems
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(longest.status()).isEqualTo(201);
    JsonNode messages = thread(pair.second(), pair.partnership()).json();
    assertThat(messages.get(0).get("text").asString()).isEqualTo(markup);
    assertThat(messages.get(0).get("authorId").asString()).isEqualTo(pair.first().id());
    assertThat(messages).hasSize(2);
  }

  @Test
  void shouldNotifyThePartnerByMailAtMostOncePerHour() {
    // given a partnership
    Pair pair = pair();
    try (TopicReader conversations = TopicReader.fromNow(Topics.MESSAGING_CONVERSATIONS)) {

      // when one partner writes three messages in a row
      for (int i = 1; i <= 3; i++) {
        assertThat(post(pair.first(), pair.partnership(), "<i>secret words</i> " + i).status())
            .isEqualTo(201);
      }

      // then three MessagePosted events (without text) go out, but one notification mail
      var posted =
          conversations.await(
              TopicReader.event(MessagingEvents.MESSAGE_POSTED.type(), pair.partnership()),
              3,
              WAIT);
      assertThat(posted)
          .extracting(CloudEventRecord::data)
          .allSatisfy(data -> assertThat(data).doesNotContain("secret"));
      await().atMost(WAIT).until(() -> smtp.to(pair.second().email()).size() >= 1);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  api.get(
                          "/api/messaging/mails?participantId=" + pair.second().id(),
                          TestTokens.staff(Role.VIEWER))
                      .json()
                      .get(0)
                      .get("status")
                      .asString()
                      .equals("SENT"));
      assertThat(smtp.to(pair.second().email())).hasSize(1);
      var mail = smtp.to(pair.second().email()).get(0);
      assertThat(subject(mail)).isEqualTo("Ngozi Okafor le ha escrito en Penpals");
      assertThat(html(mail))
          .contains("href=\"http://localhost:8090/messages\"")
          .doesNotContain("<i>");
      assertThat(smtp.to(pair.first().email())).isEmpty();
    }
  }

  @Test
  void shouldEraseTheParticipantsDataWhenTheyAreErased() {
    // given a partnership that was introduced and has talked
    Pair pair = pair();
    upstream.planned(
        pair.partnership(), pair.cycle(), Upstream.prompt("Hello"), pair.first(), pair.second());
    await().atMost(WAIT).until(() -> smtp.to(pair.second().email()).size() == 1);
    assertThat(post(pair.first(), pair.partnership(), "a personal story").status()).isEqualTo(201);
    assertThat(post(pair.second(), pair.partnership(), "thank you").status()).isEqualTo(201);

    // when the first participant is erased
    upstream.send(new ParticipantErased(pair.first().id(), pair.cycle(), 5, Instant.now()));

    // then their messages, their contact details and mails naming them are gone
    await().atMost(WAIT).until(() -> thread(pair.second(), pair.partnership()).json().size() == 1);
    assertThat(thread(pair.second(), pair.partnership()).json().get(0).get("text").asString())
        .isEqualTo("thank you");
    Document recipient =
        database().getCollection("recipients").find(Filters.eq("_id", pair.first().id())).first();
    assertThat(recipient.toJson()).doesNotContain(pair.first().email()).doesNotContain("Ngozi");
    String intro = "intro:" + pair.partnership() + ":" + pair.second().id();
    await()
        .atMost(WAIT)
        .until(
            () ->
                !database()
                    .getCollection("mails")
                    .find(Filters.eq("_id", intro))
                    .first()
                    .containsKey("html"));
    for (Document mail :
        database().getCollection("mails").find(Filters.eq("participantId", pair.first().id()))) {
      assertThat(mail.toJson()).doesNotContain(pair.first().email()).doesNotContain("Ngozi");
    }
  }
}
