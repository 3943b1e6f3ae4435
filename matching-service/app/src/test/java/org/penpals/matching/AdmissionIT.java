package org.penpals.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.matching.support.Registrations.profile;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.registration.ParticipantProfileUpdated;
import org.penpals.matching.rematch.application.Rematching;
import org.penpals.matching.support.MatchingApi;
import org.penpals.matching.support.Registrations;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Registration admits someone from its waitlist: matching pairs them, mid-cycle if need be. */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionIT {
  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  @Autowired Rematching rematching;
  MatchingApi matching;
  final Registrations registrations = new Registrations();

  @BeforeEach
  void api() {
    matching = new MatchingApi(port);
  }

  @AfterAll
  void close() {
    registrations.close();
  }

  @Test
  void shouldPairALateAdmissionWithTheWaitlistAfterPublication() {
    // given a published cycle: one pair, one person on matching's waitlist, one person on
    // registration's waitlist (verified, not admitted: not matched)
    String cycleId = registrations.closedCycle();
    matching.settings(
        cycleId, "{\"leftoverPolicy\":\"WAITLIST\",\"afterPublication\":\"AUTOMATIC\"}");
    MatchingApi.cohort(registrations, cycleId, 3); // BG, US, AU
    String late = registrations.waitlisted(cycleId, profile("GB", "Europe/London", "en"));
    matching.awaitMatchable(cycleId, 3);
    await().until(() -> matching.pool(cycleId).get("members").asInt() == 4);
    JsonNode run = matching.runToCompletion(cycleId, "{}");
    assertThat(run.get("quality").get("people").asInt()).isEqualTo(3);
    String waitlisted = run.get("waitlist").get(0).get("candidateId").asString();
    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      matching.api.post(
          "/api/matching/runs/" + run.get("id").asString() + "/publish",
          null,
          matching.coordinator);
      partnerships.await(formedIn(cycleId), 1);

      // when registration admits the late applicant
      registrations.admit(cycleId, late, 3);

      // then a re-matching pairs them with matching's waitlist, and the request is gone
      PartnershipFormed formed =
          partnerships
              .await(formedIn(cycleId), 2, Duration.ofSeconds(60))
              .get(1)
              .as(PartnershipFormed.class);
      assertThat(formed.members())
          .extracting(PartnershipMember::participantId)
          .containsExactlyInAnyOrder(late, waitlisted);
      assertThat(formed.origin()).isEqualTo("REPLACEMENT");
      await().until(() -> rematching.pending(cycleId).isEmpty());
      assertThat(partnerships.drain(Duration.ofMillis(800)))
          .filteredOn(formedIn(cycleId))
          .hasSize(2);
    }
  }

  @Test
  void shouldIgnoreAnAdmissionOlderThanWhatIsKept() {
    // given a waitlisted applicant whose profile changed since (revision 3)
    String cycleId = registrations.closedCycle();
    String waiting = registrations.waitlisted(cycleId, profile("KE", "Africa/Nairobi", "en"));
    registrations.send(
        new ParticipantProfileUpdated(
            waiting, cycleId, 3, profile("KE", "Africa/Nairobi", "en", "fr")));
    await().until(() -> revision(waiting) == 3);

    // when an admission of revision 3 (not newer) arrives, then one of revision 4
    registrations.admit(cycleId, waiting, 3);
    registrations.send(
        new ParticipantProfileUpdated(waiting, cycleId, 4, profile("KE", "Africa/Nairobi", "en")));
    await().until(() -> revision(waiting) == 4);

    // then the stale admission changed nothing
    assertThat(member(waiting).getString("admission")).isEqualTo("WAITLISTED");
    assertThat(matching.pool(cycleId).get("matchable").asInt()).isZero();

    // and a newer one admits them
    registrations.admit(cycleId, waiting, 5);
    matching.awaitMatchable(cycleId, 1);
    assertThat(member(waiting).getString("admission")).isEqualTo("ADMITTED");
  }

  private Document member(String participantId) {
    return database.getCollection("pool").find(new Document("_id", participantId)).first();
  }

  private long revision(String participantId) {
    Document d = member(participantId);
    return d == null ? 0 : ((Number) d.get("revision")).longValue();
  }

  static java.util.function.Predicate<org.penpals.platform.testkit.CloudEventRecord> formedIn(
      String cycleId) {
    return r ->
        MatchingEvents.PARTNERSHIP_FORMED.type().equals(r.type())
            && cycleId.equals(r.as(PartnershipFormed.class).cycleId());
  }

  static List<String> ids(PartnershipFormed formed) {
    return formed.members().stream().map(PartnershipMember::participantId).toList();
  }
}
