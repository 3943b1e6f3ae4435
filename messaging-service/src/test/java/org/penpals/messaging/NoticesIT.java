package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.contracts.registration.ParticipantErased;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/** The portal's notices: my own life-event mails, newest first; nobody else's; gone on erasure. */
class NoticesIT extends MessagingIntegrationTest {
  private static final String MINE = "/api/messaging/participants/me/notices";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private JsonNode notices(Person person) {
    Api.Response response = api.get(MINE, TestTokens.participant(person.id()));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private List<String> kinds(JsonNode notices) {
    List<String> kinds = new ArrayList<>();
    notices.forEach(n -> kinds.add(n.get("kind").asString()));
    return kinds;
  }

  @Test
  void shouldListMyLifeEventsNewestFirstAndNotMyPromptsOrOtherPeoplesNews() {
    // given a waitlisted applicant who confirmed, was admitted, partnered, sent a prompt and a
    // reminder; and another participant with news of their own
    String cycle = Upstream.unique("cycle");
    Person eva =
        upstream.registerWaitlisted(cycle, "Eva Novak", "CZ", "Europe/Prague", "fr", "CAPACITY");
    Person partner = upstream.register(cycle, "Pat Lee", "US", "Library", "America/New_York", "en");
    awaitKnown(eva, partner);
    upstream.verified(eva);
    await().atMost(WAIT).until(() -> notices(eva).size() == 1);
    upstream.admitted(eva, AdmissionRoute.STAFF);
    await().atMost(WAIT).until(() -> notices(eva).size() == 2);
    String partnership = upstream.formed(cycle, eva, partner);
    upstream.planned(partnership, cycle, Upstream.prompt("Hello"), eva, partner);
    upstream.due(eva, partnership, 1, false);
    await().atMost(WAIT).until(() -> smtp.to(eva.email()).size() == 4);
    upstream.reminded(partnership, partner, Instant.parse("2030-05-01T12:00:00Z"), eva);
    upstream.waitlistedByMatching(partner, "run-2");

    // when Eva asks for her notices
    await().atMost(WAIT).until(() -> notices(eva).size() == 3);
    JsonNode mine = notices(eva);

    // then her life events, newest first, with subject and plain text in her language
    assertThat(kinds(mine)).containsExactly("REMINDER", "ADMITTED", "WAITLISTED");
    JsonNode reminder = mine.get(0);
    assertThat(reminder.get("subject").asString())
        .isEqualTo("Votre partenaire Penpals aimerait avoir de vos nouvelles");
    assertThat(reminder.get("text").asString())
        .contains("Bonjour Eva Novak", "Pat, votre partenaire");
    assertThat(reminder.get("id").asString()).startsWith("reminder:").endsWith(":" + eva.id());
    assertThat(Instant.parse(reminder.get("at").asString()))
        .isAfterOrEqualTo(Instant.parse(mine.get(1).get("at").asString()));
    assertThat(mine.get(2).get("text").asString()).contains("liste d'attente");
    // and nothing of the other participant's news
    await().atMost(WAIT).until(() -> notices(partner).size() == 1);
    assertThat(kinds(notices(partner))).containsExactly("WAITLISTED");
    assertThat(notices(eva).toString()).doesNotContain("run-2");
  }

  @Test
  void shouldShowTheFiftyNewestNotices() {
    // given 53 notices (matching waitlisted the participant in 53 runs)
    String cycle = Upstream.unique("cycle");
    Person busy = upstream.register(cycle, "Busy Bee", "GB", "Library", "Europe/London", "en");
    awaitKnown(busy);
    for (int run = 1; run <= 53; run++) {
      upstream.waitlistedByMatching(busy, "run-" + run);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> smtp.to(busy.email()).size() == 53);

    // when they ask
    JsonNode mine = notices(busy);

    // then the 50 newest, newest first
    assertThat(mine).hasSize(50);
    List<Instant> at = new ArrayList<>();
    mine.forEach(n -> at.add(Instant.parse(n.get("at").asString())));
    assertThat(at).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void shouldForgetEveryNoticeWhenTheParticipantIsErased() {
    // given a participant with a notice
    String cycle = Upstream.unique("cycle");
    Person erased =
        upstream.registerWaitlisted(cycle, "Erin Ward", "IE", "Europe/Dublin", "en", "CAPACITY");
    awaitKnown(erased);
    upstream.verified(erased);
    await().atMost(WAIT).until(() -> notices(erased).size() == 1);

    // when they are erased
    upstream.send(new ParticipantErased(erased.id(), cycle, 5, Instant.now()));

    // then no notice is left, in the list or the store
    await().atMost(WAIT).until(() -> notices(erased).isEmpty());
    assertThat(
            database()
                .getCollection("notices")
                .countDocuments(com.mongodb.client.model.Filters.eq("_id", erased.id())))
        .isZero();
    assertThat(
            database()
                .getCollection("mails")
                .find(com.mongodb.client.model.Filters.eq("participantId", erased.id()))
                .first()
                .getString("subject"))
        .isNull();
  }

  @Test
  void shouldAnswerAnEmptyListToSomeoneWithoutNotices() {
    JsonNode none = notices(new Person(Upstream.unique("p"), "c", "n", "e", "GB", "o", "z", "en"));

    assertThat(none.isArray()).isTrue();
    assertThat(none).isEmpty();
  }

  static Stream<Arguments> callers() {
    return Stream.of(
        Arguments.of("no token", null, 401),
        Arguments.of("expired token", TestTokens.expired(Role.PARTICIPANT), 401),
        Arguments.of("admin", TestTokens.staff(Role.ADMIN), 403),
        Arguments.of("coordinator", TestTokens.staff(Role.COORDINATOR), 403),
        Arguments.of("viewer", TestTokens.staff(Role.VIEWER), 403));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("callers")
  void shouldLetOnlyParticipantTokensIn(String caller, String token, int status) {
    Api.Response response = api.get(MINE, token);

    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.isProblem()).isTrue();
  }
}
