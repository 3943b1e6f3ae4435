package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.messaging.support.MailServer.html;
import static org.penpals.messaging.support.MailServer.subject;
import static org.penpals.messaging.support.MailServer.text;

import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.messaging.support.Announcing;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Announcements: scheduled once per idempotency key, delivered once per recipient in their language
 * to the segment asked for, previewed without storing, refused (with nothing stored) for bad input,
 * an archived cycle or an empty segment.
 */
class AnnouncementsIT extends MessagingIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofSeconds(3);
  private final String coordinator = TestTokens.staff(Role.COORDINATOR);
  private Announcing announcing;

  @BeforeEach
  void announcing() {
    announcing = new Announcing(port);
  }

  private static String key() {
    return "key-" + UUID.randomUUID();
  }

  /** A cycle messaging knows (registration's cycle events arrived). */
  private String knownCycle(String name) {
    String cycle = Upstream.unique("cycle");
    upstream.cycleRunning(cycle, name);
    awaitCycle(cycle, "RUNNING");
    return cycle;
  }

  private void awaitCycle(String cycle, String status) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var doc = database().getCollection("cycles").find(Filters.eq("_id", cycle)).first();
              return doc != null && status.equals(doc.getString("status"));
            });
  }

  /** A participant who confirmed their email. */
  private Person confirmed(String cycle, String name, String country, String locale) {
    Person p = upstream.register(cycle, name, country, "Library", "Europe/Paris", locale);
    awaitKnown(p);
    upstream.verified(p);
    await()
        .atMost(WAIT)
        .until(
            () ->
                database()
                    .getCollection("recipients")
                    .find(Filters.eq("_id", p.id()))
                    .first()
                    .getBoolean("verified", false));
    return p;
  }

  private long stored(String cycle) {
    return database().getCollection("announcements").countDocuments(Filters.eq("cycleId", cycle));
  }

  private JsonNode announcement(String cycle, String id) {
    Api.Response r = api.get(Announcing.path(cycle) + "/" + id, coordinator);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private void awaitSent(String cycle, String id) {
    await()
        .atMost(WAIT)
        .until(() -> "SENT".equals(announcement(cycle, id).get("status").asString()));
  }

  private void noMailTo(Person... people) {
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(10))
        .until(() -> Stream.of(people).allMatch(p -> smtp.to(p.email()).isEmpty()));
  }

  private MimeMessage onlyMailTo(Person person) {
    await().atMost(WAIT).until(() -> !smtp.to(person.email()).isEmpty());
    List<MimeMessage> mails = smtp.to(person.email());
    assertThat(mails).as("mails to " + person.name()).hasSize(1);
    return mails.get(0);
  }

  private static String body(String segment) {
    return """
        {"subject": "Webinar on Thursday",
         "body": "Join **us** on Thursday. <script>alert(1)</script>",
         "translations": {"es": {"subject": "Seminario web el jueves",
                                 "body": "Acompáñenos el **jueves**."}},
         "segment": %s}
        """
        .formatted(segment);
  }

  @Test
  void shouldSendOneMailPerRecipientInTheirLanguageWhenTheSameRequestComesTwice() {
    // given a cycle with three confirmed participants, one who withdrew, one not confirmed
    String cycle = knownCycle("2031 cycle 1");
    Person en = confirmed(cycle, "Emma Stone", "GB", "en");
    Person es = confirmed(cycle, "Elena Gil", "ES", "es-ES");
    Person fr = confirmed(cycle, "Farid Amrani", "MA", "fr");
    Person withdrew = confirmed(cycle, "Will Leave", "US", "en");
    Person unconfirmed = upstream.register(cycle, "Una Known", "IE", "L", "Europe/Dublin", "en");
    awaitKnown(unconfirmed);
    upstream.withdrawn(withdrew);
    await()
        .atMost(WAIT)
        .until(
            () ->
                database()
                    .getCollection("recipients")
                    .find(Filters.eq("_id", withdrew.id()))
                    .first()
                    .getBoolean("withdrawn", false));

    // when a coordinator submits an announcement to everyone, twice with the same key
    String key = key();
    Api.Response first = announcing.post(cycle, key, body("{\"kind\": \"ALL\"}"), coordinator);
    Api.Response again = announcing.post(cycle, key, body("{\"kind\": \"ALL\"}"), coordinator);

    // then the first is created, the second answers the same announcement
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    JsonNode view = first.json();
    String id = view.get("id").asString();
    assertThat(first.location()).endsWith(Announcing.path(cycle) + "/" + id);
    assertThat(view.get("cycleId").asString()).isEqualTo(cycle);
    assertThat(view.get("subject").asString()).isEqualTo("Webinar on Thursday");
    assertThat(view.get("translations").get("es").get("subject").asString())
        .isEqualTo("Seminario web el jueves");
    assertThat(view.get("segment").get("kind").asString()).isEqualTo("ALL");
    assertThat(view.get("segment").get("country").isNull()).isTrue();
    assertThat(view.get("status").asString()).isIn("SCHEDULED", "SENDING", "SENT");
    assertThat(view.get("recipients").asInt()).isEqualTo(3);
    assertThat(view.get("createdBy").asString()).isEqualTo("staff-coordinator");
    assertThat(view.get("sendAt").asString()).isNotBlank();
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(id);

    // and each of the three gets one mail in their language; nobody else gets any
    awaitSent(cycle, id);
    MimeMessage toEs = onlyMailTo(es);
    assertThat(subject(toEs)).isEqualTo("Seminario web el jueves");
    assertThat(html(toEs)).contains("<strong>jueves</strong>", "Recibe este anuncio");
    MimeMessage toFr = onlyMailTo(fr);
    assertThat(subject(toFr)).isEqualTo("Webinar on Thursday");
    assertThat(text(toFr)).contains("Join us on Thursday", "Vous recevez cette annonce");
    MimeMessage toEn = onlyMailTo(en);
    assertThat(html(toEn)).contains("&lt;script&gt;").doesNotContain("<script");
    noMailTo(withdrew, unconfirmed);
    JsonNode sent = announcement(cycle, id);
    assertThat(sent.get("recipients").asInt()).isEqualTo(3);
    assertThat(sent.get("sent").asInt()).isEqualTo(3);
    assertThat(stored(cycle)).isOne();
    // and the third submit, after delivery, still sends nothing more
    assertThat(announcing.post(cycle, key, body("{\"kind\": \"ALL\"}"), coordinator).status())
        .isEqualTo(200);
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(10))
        .until(() -> smtp.to(en.email()).size() == 1);
    // and it is among the participant's notices
    Api.Response notices =
        api.get("/api/messaging/participants/me/notices", TestTokens.participant(es.id()));
    assertThat(notices.json().get(0).get("kind").asString()).isEqualTo("ANNOUNCEMENT");
    assertThat(notices.json().get(0).get("subject").asString())
        .isEqualTo("Seminario web el jueves");
  }

  @Test
  void shouldRefuseTheSameKeyWithAnotherBodyAndSendNothingMore() {
    String cycle = knownCycle("2031 cycle 2");
    Person only = confirmed(cycle, "Olga Ivanova", "BG", "en");
    String key = key();
    Api.Response first = announcing.post(cycle, key, body("{\"kind\": \"ALL\"}"), coordinator);
    assertThat(first.status()).isEqualTo(201);

    Api.Response other =
        announcing.post(
            cycle, key, body("{\"kind\": \"ALL\"}").replace("Thursday", "Friday"), coordinator);

    assertThat(other.status()).as(other.toString()).isEqualTo(409);
    assertThat(other.isProblem()).isTrue();
    assertThat(other.json().get("type").asString())
        .isEqualTo("https://penpals.org/problems/conflict");
    assertThat(other.body()).contains("Idempotency-Key");
    assertThat(stored(cycle)).isOne();
    awaitSent(cycle, first.json().get("id").asString());
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(10))
        .until(() -> smtp.to(only.email()).size() == 1);
  }

  static Stream<Arguments> badRequests() {
    String ok = "{\"subject\": \"S\", \"body\": \"B\", \"segment\": {\"kind\": \"ALL\"}}";
    String longSubject = "x".repeat(201);
    String longBody = "y".repeat(20_001);
    return Stream.of(
        Arguments.of("no key", null, ok, "Idempotency-Key"),
        Arguments.of("short key", "short", ok, "Idempotency-Key"),
        Arguments.of("key with a space", "has a space in it", ok, "Idempotency-Key"),
        Arguments.of("no subject", key(), ok.replace("\"subject\": \"S\", ", ""), "subject"),
        Arguments.of("blank subject", key(), ok.replace("\"S\"", "\"  \""), "subject"),
        Arguments.of(
            "long subject", key(), ok.replace("\"S\"", "\"" + longSubject + "\""), "subject"),
        Arguments.of("two-line subject", key(), ok.replace("\"S\"", "\"a\\nb\""), "subject"),
        Arguments.of("subject a number", key(), ok.replace("\"S\"", "5"), "subject"),
        Arguments.of("no body", key(), ok.replace("\"body\": \"B\", ", ""), "body"),
        Arguments.of("long body", key(), ok.replace("\"B\"", "\"" + longBody + "\""), "body"),
        Arguments.of(
            "German translation",
            key(),
            ok.replace(
                "\"segment\"",
                "\"translations\": {\"de\": {\"subject\": \"s\", \"body\": \"b\"}}, \"segment\""),
            "translations.de"),
        Arguments.of(
            "translation without subject",
            key(),
            ok.replace("\"segment\"", "\"translations\": {\"es\": {\"body\": \"b\"}}, \"segment\""),
            "translations.es.subject"),
        Arguments.of("no segment", key(), "{\"subject\": \"S\", \"body\": \"B\"}", "segment"),
        Arguments.of("unknown kind", key(), ok.replace("ALL", "EVERYONE"), "segment.kind"),
        Arguments.of(
            "country without code", key(), ok.replace("ALL", "COUNTRY"), "segment.country"),
        Arguments.of(
            "lower-case country",
            key(),
            ok.replace("\"ALL\"", "\"COUNTRY\", \"country\": \"bg\""),
            "segment.country"),
        Arguments.of(
            "country with ALL",
            key(),
            ok.replace("\"ALL\"", "\"ALL\", \"country\": \"BG\""),
            "segment.country"),
        Arguments.of(
            "sendAt in the past",
            key(),
            ok.replace("}}", "}, \"sendAt\": \"2020-01-01T00:00:00Z\"}"),
            "sendAt"),
        Arguments.of(
            "sendAt not a time",
            key(),
            ok.replace("}}", "}, \"sendAt\": \"tomorrow\"}"),
            "sendAt"));
  }

  @ParameterizedTest(name = "{0} → 400 naming {3}")
  @MethodSource("badRequests")
  void shouldRefuseBadInputNamingTheFieldAndStoreNothing(
      String name, String key, String json, String field) {
    String cycle = knownCycle("2031 cycle 3");
    confirmed(cycle, "Ada Byron", "GB", "en");

    Api.Response response = announcing.post(cycle, key, json, coordinator);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString())
        .isEqualTo("https://penpals.org/problems/invalid-input");
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).contains(field);
    assertThat(stored(cycle)).isZero();
  }

  @Test
  void shouldRefuseAnUnknownOrArchivedCycleAndAnEmptySegmentStoringNothing() {
    // an unknown cycle
    String unknown = Upstream.unique("cycle");
    Api.Response none = announcing.post(unknown, key(), body("{\"kind\": \"ALL\"}"), coordinator);
    assertThat(none.status()).as(none.toString()).isEqualTo(404);
    assertThat(none.body()).contains("cycleId");
    assertThat(stored(unknown)).isZero();

    // an archived cycle
    String archived = knownCycle("2029 cycle 1");
    confirmed(archived, "Arch Ived", "GB", "en");
    upstream.cycleCompleted(archived, "2029 cycle 1");
    upstream.cycleArchived(archived, "2029 cycle 1");
    awaitCycle(archived, "ARCHIVED");
    Api.Response closed =
        announcing.post(archived, key(), body("{\"kind\": \"ALL\"}"), coordinator);
    assertThat(closed.status()).as(closed.toString()).isEqualTo(409);
    assertThat(closed.json().get("type").asString())
        .isEqualTo("https://penpals.org/problems/conflict");
    assertThat(closed.json().get("errors").get(0).get("field").asString()).isEqualTo("cycleId");
    assertThat(stored(archived)).isZero();
    Api.Response preview =
        api.post(Announcing.path(archived) + "/preview", body("{\"kind\": \"ALL\"}"), coordinator);
    assertThat(preview.status()).isEqualTo(409);

    // an empty segment
    String cycle = knownCycle("2031 cycle 4");
    confirmed(cycle, "Bea Bulgarian", "BG", "en");
    Api.Response empty =
        announcing.post(
            cycle, key(), body("{\"kind\": \"COUNTRY\", \"country\": \"IS\"}"), coordinator);
    assertThat(empty.status()).as(empty.toString()).isEqualTo(409);
    assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("segment");
    assertThat(stored(cycle)).isZero();
  }

  @Test
  void shouldPreviewRecipientsAndEveryLanguageWithoutStoringAnything() {
    String cycle = knownCycle("2031 cycle 5");
    confirmed(cycle, "Pia Larsen", "DK", "en");
    confirmed(cycle, "Pablo Neri", "CL", "es");
    confirmed(cycle, "Paco Ruiz", "ES", "es");
    int mailsBefore = smtp.received();

    Api.Response preview =
        api.post(Announcing.path(cycle) + "/preview", body("{\"kind\": \"ALL\"}"), coordinator);

    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    JsonNode p = preview.json();
    assertThat(p.get("recipients").asInt()).isEqualTo(3);
    assertThat(p.get("byLanguage").get("en").asInt()).isEqualTo(1);
    assertThat(p.get("byLanguage").get("es").asInt()).isEqualTo(2);
    assertThat(p.get("byLanguage").get("fr").asInt()).isZero();
    assertThat(p.get("rendered").get("es").get("subject").asString())
        .isEqualTo("Seminario web el jueves");
    assertThat(p.get("rendered").get("fr").get("subject").asString())
        .isEqualTo("Webinar on Thursday");
    assertThat(p.get("rendered").get("en").get("html").asString())
        .contains("<strong>us</strong>", "&lt;script&gt;")
        .doesNotContain("<script");
    assertThat(p.get("rendered").get("en").get("text").asString()).contains("Join us on Thursday");
    assertThat(stored(cycle)).isZero();
    // an empty segment previews as nobody; bad input is named as for scheduling
    Api.Response nobody =
        api.post(
            Announcing.path(cycle) + "/preview",
            body("{\"kind\": \"COUNTRY\", \"country\": \"IS\"}"),
            coordinator);
    assertThat(nobody.json().get("recipients").asInt()).isZero();
    Api.Response bad =
        api.post(Announcing.path(cycle) + "/preview", body("{\"kind\": \"SOME\"}"), coordinator);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("segment.kind");
    assertThat(stored(cycle)).isZero();
    assertThat(smtp.received()).isEqualTo(mailsBefore);
  }

  @Test
  void shouldSendAScheduledAnnouncementOnlyOnceItIsDue() throws Exception {
    String cycle = knownCycle("2031 cycle 6");
    Person reader = confirmed(cycle, "Sched Uled", "NL", "en");
    Instant sendAt = Instant.now().plusSeconds(6);
    String json =
        body("{\"kind\": \"ALL\"}")
            .replace("\"segment\"", "\"sendAt\": \"" + sendAt + "\", \"segment\"");

    Api.Response created = announcing.post(cycle, key(), json, coordinator);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(Instant.parse(created.json().get("sendAt").asString())).isEqualTo(sendAt);
    assertThat(created.json().get("status").asString()).isEqualTo("SCHEDULED");
    assertThat(smtp.to(reader.email())).isEmpty();
    awaitSent(cycle, id);
    MimeMessage mail = onlyMailTo(reader);
    assertThat(mail.getSentDate().toInstant()).isAfterOrEqualTo(sendAt.minusSeconds(1));
  }

  @Test
  void shouldCancelOnlyAScheduledAnnouncement() {
    String cycle = knownCycle("2031 cycle 7");
    Person reader = confirmed(cycle, "Can Celled", "TR", "en");
    String later =
        body("{\"kind\": \"ALL\"}")
            .replace(
                "\"segment\"",
                "\"sendAt\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\", \"segment\"");
    String id = announcing.post(cycle, key(), later, coordinator).json().get("id").asString();

    Api.Response cancelled = api.delete(Announcing.path(cycle) + "/" + id, coordinator);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
    Api.Response twice = api.delete(Announcing.path(cycle) + "/" + id, coordinator);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body()).contains("announcementId");
    assertThat(api.delete(Announcing.path(cycle) + "/an-nope", coordinator).status())
        .isEqualTo(404);

    // one already sent cannot be cancelled
    String now =
        announcing
            .post(cycle, key(), body("{\"kind\": \"ALL\"}"), coordinator)
            .json()
            .get("id")
            .asString();
    awaitSent(cycle, now);
    assertThat(api.delete(Announcing.path(cycle) + "/" + now, coordinator).status()).isEqualTo(409);
    onlyMailTo(reader);

    // and the list shows both, newest first
    JsonNode list = api.get(Announcing.path(cycle), TestTokens.staff(Role.VIEWER)).json();
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asString()).isEqualTo(now);
    assertThat(list.get(1).get("status").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void shouldReachEachSegmentOnly() {
    // given a cycle: a running pair (BG, KE), a completed pair, a registration-waitlisted
    // applicant (BG), a matching-waitlisted participant, and someone admitted but not yet paired
    String cycle = knownCycle("2031 cycle 8");
    Person bg = confirmed(cycle, "Boris Bulgarian", "BG", "en");
    Person ke = confirmed(cycle, "Kamau Kenyan", "KE", "en");
    Person doneA = confirmed(cycle, "Done Alpha", "FR", "fr");
    Person doneB = confirmed(cycle, "Done Beta", "FR", "fr");
    Person waitlisted =
        upstream.registerWaitlisted(
            cycle, "Wait Listed", "BG", "Europe/Sofia", "en", "COUNTRY_CAP");
    awaitKnown(waitlisted);
    upstream.verified(waitlisted);
    Person unmatched = confirmed(cycle, "Un Matched", "CL", "es");
    upstream.waitlistedByMatching(unmatched, "run-1");
    Person admitted =
        upstream.registerWaitlisted(cycle, "Ad Mitted", "PE", "America/Lima", "es", "CAPACITY");
    awaitKnown(admitted);
    upstream.verified(admitted);
    upstream.admitted(admitted, AdmissionRoute.STAFF);
    upstream.formed(cycle, bg, ke);
    String done = upstream.formed(cycle, doneA, doneB);
    upstream.completed(done, cycle, doneA, doneB);
    await()
        .atMost(WAIT)
        .until(
            () ->
                database().getCollection("partnerships").find(Filters.eq("_id", done)).first()
                        != null
                    && database()
                            .getCollection("partnerships")
                            .find(Filters.eq("_id", done))
                            .first()
                            .get("completedAt")
                        != null
                    && smtp.to(admitted.email()).size() == 2
                    && smtp.to(unmatched.email()).size() == 1);

    // when each segment is previewed, then it holds exactly its people
    assertThat(recipientsOf(cycle, "{\"kind\": \"ALL\"}")).isEqualTo(7);
    assertThat(recipientsOf(cycle, "{\"kind\": \"PARTNERED\"}")).isEqualTo(2);
    assertThat(recipientsOf(cycle, "{\"kind\": \"WAITLISTED\"}")).isEqualTo(2);
    assertThat(recipientsOf(cycle, "{\"kind\": \"COUNTRY\", \"country\": \"BG\"}")).isEqualTo(2);

    // and a PARTNERED announcement reaches the running pair only
    int before = smtp.to(waitlisted.email()).size();
    String id =
        announcing
            .post(cycle, key(), body("{\"kind\": \"PARTNERED\"}"), coordinator)
            .json()
            .get("id")
            .asString();
    awaitSent(cycle, id);
    assertThat(subject(onlyMailTo(bg))).isEqualTo("Webinar on Thursday");
    assertThat(subject(onlyMailTo(ke))).isEqualTo("Webinar on Thursday");
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(10))
        .until(
            () ->
                smtp.to(waitlisted.email()).size() == before
                    && smtp.to(doneA.email()).size() == 1 // the partnership-ended mail only
                    && smtp.to(unmatched.email()).size() == 1);
  }

  private int recipientsOf(String cycle, String segment) {
    Api.Response preview =
        api.post(Announcing.path(cycle) + "/preview", body(segment), coordinator);
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    return preview.json().get("recipients").asInt();
  }

  static Stream<Arguments> callers() {
    return Stream.of(
        Arguments.of("no token", null, 401),
        Arguments.of("viewer", TestTokens.staff(Role.VIEWER), 403),
        Arguments.of("participant", TestTokens.participant("p-1"), 403));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("callers")
  void shouldLetOnlyAdminsAndCoordinatorsAnnounce(String caller, String token, int status) {
    String cycle = Upstream.unique("cycle");
    Api.Response post = announcing.post(cycle, key(), body("{\"kind\": \"ALL\"}"), token);
    Api.Response preview =
        api.post(Announcing.path(cycle) + "/preview", body("{\"kind\": \"ALL\"}"), token);
    Api.Response cancel = api.delete(Announcing.path(cycle) + "/an-1", token);

    assertThat(List.of(post.status(), preview.status(), cancel.status())).containsOnly(status);
    assertThat(stored(cycle)).isZero();
  }

  @Test
  void shouldLetEveryStaffRoleReadButNoParticipant() {
    String cycle = Upstream.unique("cycle");
    assertThat(api.get(Announcing.path(cycle), TestTokens.staff(Role.VIEWER)).status())
        .isEqualTo(200);
    assertThat(api.get(Announcing.path(cycle), TestTokens.participant("p-1")).status())
        .isEqualTo(403);
    assertThat(api.get(Announcing.path(cycle) + "/an-x", coordinator).status()).isEqualTo(404);
  }
}
