package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.support.ApplicationFixture;
import org.penpals.registration.support.CycleFixture;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Waitlists that move on their own: while registration is open a freed place admits the next in
 * line, in the documented fair order, within the capacity and the country caps.
 */
@PenpalsIntegrationTest
class WaitlistIT {
  static final String ME = RegistrationApi.BASE + "/participants/me";

  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  @Autowired CycleRepository cycles;
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
  void shouldHandAWithdrawnPlaceToTheEarliestConfirmedApplicantInLine() {
    // given a full cycle, and a queue: one who never confirmed, then two who did
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    String leaving = api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String unconfirmed = waitlisted(cycleId, anApplication());
    String first = confirmed(waitlisted(cycleId, anApplication()));
    String second = confirmed(waitlisted(cycleId, anApplication()));

    // when an admitted applicant withdraws
    withdraw(leaving);

    // then the first confirmed applicant in line has the place, at once, and nobody else
    ParticipantAdmitted admitted = awaitAdmitted(first);
    assertThat(admitted.route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(admitted.cycleId()).isEqualTo(cycleId);
    JsonNode me = me(first);
    assertThat(me.get("admission").asString()).isEqualTo("ADMITTED");
    assertThat(me.get("admissionRoute").asString()).isEqualTo("FREED_PLACE");
    assertThat(me.get("admittedAt").asString()).isEqualTo(admitted.admittedAt().toString());
    assertThat(me.get("waitlistPosition").isNull()).isTrue();
    assertThat(me.get("admissionReason").isNull()).isTrue();
    assertThat(me(second).get("waitlistPosition").asInt()).isEqualTo(1);
    assertThat(me(unconfirmed).get("waitlistPosition").asInt()).isEqualTo(2);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(2);
    // and the place was never free for a newcomer
    assertThat(api.apply(cycleId, anApplication()).json().get("admission").asString())
        .isEqualTo("WAITLISTED");
    assertThat(admittedEvents(Duration.ofSeconds(1)))
        .extracting(CloudEventRecord::key)
        .containsExactly(first);
  }

  @Test
  void shouldPassOverACountryAtItsCapAndAdmitItsApplicantOnceItHasRoom() {
    // given capacity 4 and at most 2 per country: two from AU and two from BG hold every place
    String cycleId =
        api.openCycle(CycleFixture.aCycle().with("capacity", 4).with("countryCapPercent", 50));
    String australian = api.applied(cycleId, anApplication().from("AU"));
    api.applied(cycleId, anApplication().from("AU"));
    String bulgarian = api.applied(cycleId, anApplication().from("BG"));
    api.applied(cycleId, anApplication().from("BG"));
    String thirdAustralian = confirmed(waitlisted(cycleId, anApplication().from("AU")));
    String kenyan = confirmed(waitlisted(cycleId, anApplication().from("KE")));

    // when a Bulgarian withdraws
    withdraw(bulgarian);

    // then the Australian, first in line but from a country at its cap, is passed over
    assertThat(awaitAdmitted(kenyan).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    JsonNode queue = waitlist(cycleId).get("items");
    assertThat(queue).hasSize(1);
    assertThat(queue.get(0).get("participantId").asString()).isEqualTo(thirdAustralian);
    assertThat(queue.get(0).get("countryAtCap").asBoolean()).isTrue();
    assertThat(me(thirdAustralian).get("admission").asString()).isEqualTo("WAITLISTED");
    assertThat(countries(cycleId)).containsEntry("AU", 2).containsEntry("KE", 1);

    // and when an Australian withdraws, the Australian in line has their place
    withdraw(australian);
    assertThat(awaitAdmitted(thirdAustralian).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(countries(cycleId)).containsEntry("AU", 2).containsEntry("BG", 1);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(4);
    assertThat(cycle(cycleId).get("waitlisted").asLong()).isZero();
  }

  @Test
  void shouldHandAnErasedApplicantsPlaceToTheNextInLine() {
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    String erased = api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String waiting = confirmed(waitlisted(cycleId, anApplication()));

    Api.Response erasure = api.raw().delete(ME, TestTokens.participant(erased));

    assertThat(erasure.status()).isEqualTo(204);
    assertThat(awaitAdmitted(waiting).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(2);
  }

  @Test
  void shouldAdmitTheNextInLineOfACountryWhoseCapIsRaised() {
    // capacity 10, one place per country: the second Bulgarian waits for BG to have room
    String cycleId =
        api.openCycle(CycleFixture.aCycle().with("capacity", 10).with("countryCapPercent", 10));
    api.applied(cycleId, anApplication().from("BG"));
    String capped = confirmed(waitlisted(cycleId, anApplication().from("BG")));
    String alsoCapped = confirmed(waitlisted(cycleId, anApplication().from("BG")));

    Api.Response raised =
        api.raw()
            .put(
                RegistrationApi.BASE + "/cycles/" + cycleId,
                CycleFixture.aCycle().with("capacity", 10).with("countryCapPercent", 20).json(),
                coordinator);

    assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
    assertThat(awaitAdmitted(capped).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(me(alsoCapped).get("admission").asString()).isEqualTo("WAITLISTED");
    assertThat(countries(cycleId)).containsEntry("BG", 2);
  }

  @Test
  void shouldMoveAPlaceWithAnApplicantWhoChangesCountryAndAdmitWhoTheOldCountryKeptWaiting() {
    // capacity 4, at most 2 per country; an Australian waits for AU to have room
    String cycleId =
        api.openCycle(CycleFixture.aCycle().with("capacity", 4).with("countryCapPercent", 50));
    String moving = api.applied(cycleId, anApplication().from("AU"));
    api.applied(cycleId, anApplication().from("AU"));
    api.applied(cycleId, anApplication().from("BG"));
    String waiting = confirmed(waitlisted(cycleId, anApplication().from("AU")));

    Api.Response moved =
        api.raw().put(ME, anApplication().from("KE").profileJson(), TestTokens.participant(moving));

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().get("admission").asString()).isEqualTo("ADMITTED");
    assertThat(awaitAdmitted(waiting).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(countries(cycleId))
        .containsEntry("AU", 2)
        .containsEntry("KE", 1)
        .containsEntry("BG", 1);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(4);
  }

  @Test
  void shouldPassThePlaceOnWhenAnApplicantMovesToACountryAtItsCap() {
    String cycleId =
        api.openCycle(CycleFixture.aCycle().with("capacity", 4).with("countryCapPercent", 50));
    api.applied(cycleId, anApplication().from("AU"));
    api.applied(cycleId, anApplication().from("AU"));
    String moving = api.applied(cycleId, anApplication().from("BG"));
    api.applied(cycleId, anApplication().from("BG"));
    String waiting = confirmed(waitlisted(cycleId, anApplication().from("KE")));

    Api.Response moved =
        api.raw().put(ME, anApplication().from("AU").profileJson(), TestTokens.participant(moving));

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().get("admission").asString()).isEqualTo("WAITLISTED");
    assertThat(moved.json().get("admissionReason").asString()).isEqualTo("COUNTRY_CAP");
    assertThat(awaitAdmitted(waiting).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(countries(cycleId))
        .containsEntry("AU", 2)
        .containsEntry("BG", 1)
        .containsEntry("KE", 1);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(4);
  }

  @Test
  void shouldNotAdmitAutomaticallyWhileRegistrationIsClosedButFillThePlaceOnReopening() {
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    String leaving = api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String waiting = confirmed(waitlisted(cycleId, anApplication()));
    post("/cycles/" + cycleId + "/close");

    withdraw(leaving);

    // several sweeps later the place is still free and the applicant still waits
    assertThat(admittedEvents(Duration.ofSeconds(2))).isEmpty();
    assertThat(me(waiting).get("admission").asString()).isEqualTo("WAITLISTED");
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(1);

    // when registration opens again, the next in line has the place before anyone new
    post("/cycles/" + cycleId + "/open");
    assertThat(awaitAdmitted(waiting).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(2);
  }

  @Test
  void shouldAdmitTheNextInLineInOrderWhenTheCapacityIsRaised() {
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String first = confirmed(waitlisted(cycleId, anApplication().from("FR")));
    String second = confirmed(waitlisted(cycleId, anApplication().from("KE")));
    String third = confirmed(waitlisted(cycleId, anApplication().from("PE")));

    Api.Response raised =
        api.raw()
            .put(
                RegistrationApi.BASE + "/cycles/" + cycleId,
                CycleFixture.aCycle().with("capacity", 4).json(),
                coordinator);

    assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
    awaitAdmitted(first);
    awaitAdmitted(second);
    // (the topic is keyed by participant: the two events may arrive in either order)
    assertThat(admittedEvents(Duration.ofSeconds(1)))
        .extracting(CloudEventRecord::key)
        .containsExactlyInAnyOrder(first, second);
    assertThat(me(third).get("waitlistPosition").asInt()).isEqualTo(1);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(4);
  }

  @Test
  void shouldAdmitAWaitingApplicantWhoConfirmsTheirEmailWhileAPlaceIsFree() {
    // given a place freed while nobody in line had confirmed their email
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    String leaving = api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String waiting = waitlisted(cycleId, anApplication());
    withdraw(leaving);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(1);
    assertThat(me(waiting).get("admission").asString()).isEqualTo("WAITLISTED");

    // when they confirm it
    confirmed(waiting);

    // then the free place is theirs
    assertThat(awaitAdmitted(waiting).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(2);
  }

  @Test
  void shouldFillAFreedPlaceEvenIfTheProcessThatFreedItDiedBeforeOfferingIt() {
    // given a full cycle with a confirmed applicant waiting
    String cycleId = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    String leaving = api.applied(cycleId, anApplication().from("BG"));
    api.applied(cycleId, anApplication().from("BG"));
    String waiting = confirmed(waitlisted(cycleId, anApplication().from("BG")));

    // when a place is given back and the process dies before offering it (what is left behind:
    // the application withdrawn, the place given back, a waitlist check asked for)
    database
        .getCollection("participants")
        .updateOne(
            Filters.eq("_id", leaving),
            new Document("$set", new Document("status", "WITHDRAWN").append("withdrawnAt", now())));
    cycles.release(cycleId, "BG");

    // then the scheduled sweep admits the next in line
    assertThat(awaitAdmitted(waiting).route()).isEqualTo(AdmissionRoute.FREED_PLACE);
    assertThat(cycle(cycleId).get("placesTaken").asInt()).isEqualTo(2);
  }

  @Test
  void shouldListTheQueueInTheFairOrderWithWhyEachWaits() {
    String cycleId =
        api.openCycle(CycleFixture.aCycle().with("capacity", 3).with("countryCapPercent", 34));
    // at most one place per country: the second Australian waits for AU to have room
    api.applied(cycleId, anApplication().from("AU"));
    String capped =
        confirmed(waitlisted(cycleId, anApplication().from("AU").with("fullName", "Ann Lee")));
    api.applied(cycleId, anApplication().from("BG"));
    api.applied(cycleId, anApplication().from("KE"));
    // the cycle is full: an applicant who never confirms, then one who does
    String unconfirmed = waitlisted(cycleId, anApplication().from("FR"));
    String overCapacity = confirmed(waitlisted(cycleId, anApplication().from("PE")));

    JsonNode view = waitlist(cycleId);

    assertThat(view.get("cycleId").asString()).isEqualTo(cycleId);
    JsonNode items = view.get("items");
    assertThat(items.valueStream().map(i -> i.get("participantId").asString()).toList())
        .containsExactly(capped, overCapacity, unconfirmed);
    assertThat(items.valueStream().map(i -> i.get("position").asInt()).toList())
        .containsExactly(1, 2, 3);
    JsonNode first = items.get(0);
    assertThat(first.get("fullName").asString()).isEqualTo("Ann Lee");
    assertThat(first.get("countryCode").asString()).isEqualTo("AU");
    assertThat(first.get("verified").asBoolean()).isTrue();
    assertThat(first.get("countryAtCap").asBoolean()).isTrue();
    assertThat(first.get("reason").asString()).isEqualTo("COUNTRY_CAP");
    assertThat(first.get("registeredAt").asString()).isNotBlank();
    assertThat(items.get(1).get("reason").asString()).isEqualTo("CAPACITY");
    assertThat(items.get(1).get("countryAtCap").asBoolean()).isFalse();
    assertThat(items.get(2).get("verified").asBoolean()).isFalse();
    assertThat(cycle(cycleId).get("waitlisted").asLong()).isEqualTo(3);
    assertThat(
            api.raw()
                .get(RegistrationApi.BASE + "/cycles/nope/waitlist", TestTokens.staff(Role.VIEWER))
                .status())
        .isEqualTo(404);
  }

  @Test
  void shouldTellAParticipantWhereTheyStandAndWhereTheirCycleIs() {
    String cycleId =
        api.openCycle(
            CycleFixture.aCycle()
                .with("name", "Spring 2027")
                .with("capacity", 2)
                .with("registrationClosesAt", "2027-02-07T00:00:00Z")
                .with("partnershipStartsOn", "2027-03-01")
                .with("lengthWeeks", 17));
    String admitted = api.applied(cycleId, anApplication());
    api.applied(cycleId, anApplication());
    String waiting = confirmed(waitlisted(cycleId, anApplication()));

    JsonNode mine = me(admitted);
    JsonNode theirs = me(waiting);

    assertThat(mine.get("admission").asString()).isEqualTo("ADMITTED");
    assertThat(mine.get("admittedAt").asString()).isEqualTo(mine.get("registeredAt").asString());
    assertThat(mine.get("admissionRoute").isNull()).isTrue();
    assertThat(mine.get("waitlistPosition").isNull()).isTrue();
    JsonNode cycle = mine.get("cycle");
    assertThat(cycle.get("id").asString()).isEqualTo(cycleId);
    assertThat(cycle.get("name").asString()).isEqualTo("Spring 2027");
    assertThat(cycle.get("status").asString()).isEqualTo("REGISTRATION_OPEN");
    assertThat(cycle.get("partnershipStartsOn").asString()).isEqualTo("2027-03-01");
    assertThat(cycle.get("lastWeekEndsOn").asString()).isEqualTo("2027-06-27");
    assertThat(theirs.get("admission").asString()).isEqualTo("WAITLISTED");
    assertThat(theirs.get("admissionReason").asString()).isEqualTo("CAPACITY");
    assertThat(theirs.get("admittedAt").isNull()).isTrue();
    assertThat(theirs.get("waitlistPosition").asInt()).isEqualTo(1);
    assertThat(theirs.get("profile").get("email").asString()).isNotBlank();
  }

  // ------------------------------------------------------------------ helpers

  /** Applies and checks the application was waitlisted. */
  private String waitlisted(String cycleId, ApplicationFixture application) {
    Api.Response response = api.apply(cycleId, application);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().get("admission").asString()).isEqualTo("WAITLISTED");
    return response.json().get("id").asString();
  }

  /** Confirms the applicant's email with the token from the (published) mail. */
  private String confirmed(String participantId) {
    Api.Response verified =
        api.verify(RegistrationApi.verificationToken(participants, participantId));
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    return participantId;
  }

  private void withdraw(String participantId) {
    Api.Response withdrawn =
        api.raw().post(ME + "/withdrawal", "{}", TestTokens.participant(participantId));
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
  }

  private ParticipantAdmitted awaitAdmitted(String participantId) {
    return participants
        .await(TopicReader.event(RegistrationEvents.PARTICIPANT_ADMITTED.type(), participantId), 1)
        .get(0)
        .as(ParticipantAdmitted.class);
  }

  private List<CloudEventRecord> admittedEvents(Duration quietFor) {
    return participants.drain(quietFor).stream()
        .filter(TopicReader.type(RegistrationEvents.PARTICIPANT_ADMITTED.type()))
        .toList();
  }

  private JsonNode me(String participantId) {
    Api.Response response = api.raw().get(ME, TestTokens.participant(participantId));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private JsonNode cycle(String cycleId) {
    return api.raw()
        .get(RegistrationApi.BASE + "/cycles/" + cycleId, TestTokens.staff(Role.VIEWER))
        .json();
  }

  private JsonNode waitlist(String cycleId) {
    Api.Response response =
        api.raw()
            .get(
                RegistrationApi.BASE + "/cycles/" + cycleId + "/waitlist",
                TestTokens.staff(Role.VIEWER));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private java.util.Map<String, Integer> countries(String cycleId) {
    return cycles.occupancy(cycleId).admittedByCountry();
  }

  private void post(String path) {
    Api.Response response = api.raw().post(RegistrationApi.BASE + path, null, coordinator);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private static java.util.Date now() {
    return java.util.Date.from(Instant.now());
  }
}
