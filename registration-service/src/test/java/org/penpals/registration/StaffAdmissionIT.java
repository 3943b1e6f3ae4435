package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.contracts.registration.ParticipantAdmitted;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.CycleFixture;
import org.penpals.registration.support.OtherServices;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Staff admit waitlisted applicants, one or many, beyond the capacity and the country cap if they
 * decide so; a request with any applicant who cannot be admitted admits nobody.
 */
@PenpalsIntegrationTest
class StaffAdmissionIT {
  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  RegistrationApi api;
  TopicReader participants;
  final String coordinator = TestTokens.staff(Role.COORDINATOR);

  @BeforeEach
  void setUp() {
    api = new RegistrationApi(port);
    participants = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS);
  }

  @AfterEach
  void tearDown() {
    participants.close();
  }

  @Test
  void shouldAdmitOneWaitlistedApplicantBeyondTheCapacity() {
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String waiting = waitlisted(cycleId, "FR");

    Api.Response response = admit(cycleId, List.of(waiting));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode admitted = response.json().get("admitted");
    assertThat(admitted).hasSize(1);
    assertThat(admitted.get(0).get("id").asString()).isEqualTo(waiting);
    assertThat(admitted.get(0).get("admission").asString()).isEqualTo("ADMITTED");
    assertThat(admitted.get(0).get("admissionRoute").asString()).isEqualTo("STAFF");
    assertThat(admitted.get(0).get("admissionReason").isNull()).isTrue();
    ParticipantAdmitted event = awaitAdmitted(waiting);
    assertThat(event.route()).isEqualTo(AdmissionRoute.STAFF);
    assertThat(event.revision()).isEqualTo(stored(waiting).getLong("revision"));
    assertThat(event.admittedAt().toString())
        .isEqualTo(admitted.get(0).get("admittedAt").asString());
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(3);
    assertThat(cycle(cycleId).get("waitlisted").asLong()).isZero();
  }

  @Test
  void shouldAdmitManyInTheOrderGivenBeyondTheCountryCapAndCountEveryPlace() {
    // capacity 10, at most 2 per country: two Australians hold AU's places
    String cycleId =
        api.openCycle(CycleFixture.aCycle().with("capacity", 10).with("countryCapPercent", 20));
    api.applied(cycleId, anApplication().from("AU"));
    api.applied(cycleId, anApplication().from("AU"));
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiting.add(waitlisted(cycleId, "AU")); // unconfirmed: staff may admit them all the same
    }
    List<String> asked = new ArrayList<>(waiting);
    Collections.reverse(asked);

    Api.Response response = admit(cycleId, asked);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(ids(response.json().get("admitted"))).containsExactlyElementsOf(asked);
    assertThat(
            participants
                .await(TopicReader.type(RegistrationEvents.PARTICIPANT_ADMITTED.type()), 3)
                .stream()
                .map(r -> r.as(ParticipantAdmitted.class))
                .filter(e -> e.cycleId().equals(cycleId))
                .collect(Collectors.toMap(ParticipantAdmitted::participantId, e -> e.route())))
        .containsOnlyKeys(waiting)
        .containsValues(AdmissionRoute.STAFF);
    assertThat(countries(cycleId)).containsEntry("AU", 5);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(5);
    // the cap still holds for everyone else: a new Australian waits
    assertThat(api.apply(cycleId, anApplication().from("AU")).json().get("admission").asString())
        .isEqualTo("WAITLISTED");
  }

  @Test
  void shouldAdmitNobodyWhenAnyApplicantCannotBeAdmittedAndNameEachOne() {
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    String admitted = api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String waiting = waitlisted(cycleId, "FR");
    String withdrawn = waitlisted(cycleId, "KE");
    withdraw(withdrawn);
    String erased = waitlisted(cycleId, "PE");
    Api.Response erasure =
        api.raw().delete(RegistrationApi.BASE + "/participants/me", TestTokens.participant(erased));
    assertThat(erasure.status()).isEqualTo(204);
    String otherCycle = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    api.applied(otherCycle, anApplication());
    api.applied(otherCycle, anApplication());
    String elsewhere = waitlisted(otherCycle, "BG");
    Map<String, Document> before = snapshot(waiting, admitted, withdrawn, erased, elsewhere);
    Document cycleBefore = storedCycle(cycleId);

    Api.Response response =
        admit(cycleId, List.of(waiting, admitted, withdrawn, erased, "no-such-id", elsewhere));

    BadInputIT.assertProblem(response, 409, "participantIds[1]");
    assertThat(BadInputIT.fields(response.json()))
        .containsExactly(
            "participantIds[1]",
            "participantIds[2]",
            "participantIds[3]",
            "participantIds[4]",
            "participantIds[5]");
    assertThat(response.json().get("errors").get(0).get("message").asString())
        .contains("not waitlisted");
    assertNothingWritten(before, cycleBefore, cycleId);
  }

  @Test
  void shouldAnswerMalformedListsWith400NamingTheFieldAndWriteNothing() {
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String waiting = waitlisted(cycleId, "FR");
    Map<String, Document> before = snapshot(waiting);
    Document cycleBefore = storedCycle(cycleId);
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add("id-" + i);
    }

    BadInputIT.assertProblem(send(cycleId, "{}"), 400, "participantIds");
    BadInputIT.assertProblem(send(cycleId, "{\"participantIds\":[]}"), 400, "participantIds");
    BadInputIT.assertProblem(admit(cycleId, tooMany), 400, "participantIds");
    BadInputIT.assertProblem(
        send(cycleId, "{\"participantIds\":[\"" + waiting + "\",\" \"]}"),
        400,
        "participantIds[1]");
    BadInputIT.assertProblem(
        send(cycleId, "{\"participantIds\":[\"" + waiting + "\",null]}"), 400, "participantIds[1]");
    BadInputIT.assertProblem(admit(cycleId, List.of(waiting, waiting)), 400, "participantIds[1]");
    BadInputIT.assertProblem(
        send(cycleId, "{\"participantIds\":\"" + waiting + "\"}"), 400, "participantIds");
    Api.Response noBody =
        api.raw()
            .post(RegistrationApi.BASE + "/cycles/" + cycleId + "/admissions", null, coordinator);
    assertThat(noBody.status()).as(noBody.toString()).isEqualTo(400);
    assertThat(noBody.isProblem()).isTrue();
    BadInputIT.assertProblem(admit("no-such-cycle", List.of(waiting)), 404, "cycleId");
    assertNothingWritten(before, cycleBefore, cycleId);
  }

  @Test
  void shouldRefuseToAdmitToACompletedOrArchivedCycle() {
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String waiting = waitlisted(cycleId, "FR");
    complete(cycleId);
    Map<String, Document> before = snapshot(waiting);
    Document cycleBefore = storedCycle(cycleId);

    BadInputIT.assertProblem(admit(cycleId, List.of(waiting)), 409, "cycleId");
    assertThat(
            api.raw()
                .post(RegistrationApi.BASE + "/cycles/" + cycleId + "/archive", null, coordinator)
                .status())
        .isEqualTo(200);
    Document archived = storedCycle(cycleId);
    Api.Response refused = admit(cycleId, List.of(waiting));

    BadInputIT.assertProblem(refused, 409, "cycleId");
    assertThat(refused.json().get("detail").asString()).contains("ARCHIVED");
    assertThat(snapshot(waiting)).isEqualTo(before);
    assertThat(storedCycle(cycleId).get("admitted")).isEqualTo(cycleBefore.get("admitted"));
    assertThat(storedCycle(cycleId).get("version")).isEqualTo(archived.get("version"));
    assertThat(admittedEvents()).isEmpty();
  }

  @Test
  void shouldLetStaffAdmitAnyoneInTheQueueAfterRegistrationClosed() {
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String first = waitlisted(cycleId, "FR");
    String second = waitlisted(cycleId, "KE");
    api.raw().post(RegistrationApi.BASE + "/cycles/" + cycleId + "/close", null, coordinator);

    Api.Response response = admit(cycleId, List.of(second));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(awaitAdmitted(second).route()).isEqualTo(AdmissionRoute.STAFF);
    assertThat(admittedEvents()).extracting(CloudEventRecord::key).containsExactly(second);
    JsonNode stillWaiting =
        api.raw()
            .get(RegistrationApi.BASE + "/participants/me", TestTokens.participant(first))
            .json();
    assertThat(stillWaiting.get("admission").asString()).isEqualTo("WAITLISTED");
    assertThat(stillWaiting.get("waitlistPosition").asInt()).isEqualTo(1);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(3);
  }

  // ------------------------------------------------------------------ helpers

  private String waitlisted(String cycleId, String country) {
    Api.Response response = api.apply(cycleId, anApplication().from(country));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().get("admission").asString()).isEqualTo("WAITLISTED");
    return response.json().get("id").asString();
  }

  private Api.Response admit(String cycleId, List<String> ids) {
    return send(
        cycleId,
        "{\"participantIds\":["
            + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","))
            + "]}");
  }

  private Api.Response send(String cycleId, String body) {
    return api.raw()
        .post(RegistrationApi.BASE + "/cycles/" + cycleId + "/admissions", body, coordinator);
  }

  private void withdraw(String participantId) {
    Api.Response withdrawn =
        api.raw()
            .post(
                RegistrationApi.BASE + "/participants/me/withdrawal",
                "{}",
                TestTokens.participant(participantId));
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
  }

  /** Takes the cycle to COMPLETED the way matching and prompt-service do. */
  private void complete(String cycleId) {
    api.raw().post(RegistrationApi.BASE + "/cycles/" + cycleId + "/close", null, coordinator);
    try (OtherServices others = new OtherServices()) {
      others.matchesPublished(cycleId);
      others.programmeStarted(cycleId, LocalDate.now(), Instant.now());
      others.programmeEnded(cycleId, LocalDate.now(), Instant.now());
    }
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "COMPLETED".equals(cycle(cycleId).get("status").asString()));
  }

  private ParticipantAdmitted awaitAdmitted(String participantId) {
    return participants
        .await(TopicReader.event(RegistrationEvents.PARTICIPANT_ADMITTED.type(), participantId), 1)
        .get(0)
        .as(ParticipantAdmitted.class);
  }

  private List<CloudEventRecord> admittedEvents() {
    return participants.drain(Duration.ofSeconds(1)).stream()
        .filter(TopicReader.type(RegistrationEvents.PARTICIPANT_ADMITTED.type()))
        .toList();
  }

  /** Nothing changed: the applications, the cycle's counters, and nothing published. */
  private void assertNothingWritten(
      Map<String, Document> before, Document cycleBefore, String cycleId) {
    assertThat(snapshot(before.keySet().toArray(String[]::new))).isEqualTo(before);
    Document cycleAfter = storedCycle(cycleId);
    assertThat(cycleAfter.get("admitted")).isEqualTo(cycleBefore.get("admitted"));
    assertThat(cycleAfter.get("admittedByCountry")).isEqualTo(cycleBefore.get("admittedByCountry"));
    assertThat(admittedEvents()).isEmpty();
  }

  private Map<String, Document> snapshot(String... ids) {
    Map<String, Document> docs = new java.util.LinkedHashMap<>();
    for (String id : ids) {
      Document doc = stored(id);
      doc.remove("_outbox"); // the relay removes published entries on its own time
      docs.put(id, doc);
    }
    return docs;
  }

  private Document stored(String participantId) {
    return database.getCollection("participants").find(Filters.eq("_id", participantId)).first();
  }

  private Document storedCycle(String cycleId) {
    return database.getCollection("cycles").find(Filters.eq("_id", cycleId)).first();
  }

  private Map<String, Integer> countries(String cycleId) {
    Document counts = storedCycle(cycleId).get("admittedByCountry", Document.class);
    Map<String, Integer> byCountry = new java.util.HashMap<>();
    counts.forEach((k, v) -> byCountry.put(k, ((Number) v).intValue()));
    return byCountry;
  }

  private JsonNode cycle(String cycleId) {
    return api.raw()
        .get(RegistrationApi.BASE + "/cycles/" + cycleId, TestTokens.staff(Role.VIEWER))
        .json();
  }

  private static List<String> ids(JsonNode items) {
    return items.valueStream().map(i -> i.get("id").asString()).toList();
  }
}
