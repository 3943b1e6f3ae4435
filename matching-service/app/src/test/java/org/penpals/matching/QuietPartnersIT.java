package org.penpals.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.matching.ApiGuardsIT.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.CheckInAnswered;
import org.penpals.contracts.prompts.PartnerReminded;
import org.penpals.contracts.prompts.PartnershipQuiet;
import org.penpals.matching.newpartner.adapter.in.scheduler.NewPartnerJob;
import org.penpals.matching.newpartner.application.NewPartnerRequests;
import org.penpals.matching.newpartner.domain.NewPartnerRequest;
import org.penpals.matching.pool.RegistrationListener;
import org.penpals.matching.support.MatchingApi;
import org.penpals.matching.support.Registrations;
import org.penpals.platform.events.ProcessedEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Quiet partners: prompt-service's reminders, flags and check-in answers recorded on the
 * partnership; a reporter whose silence went unanswered gets a new partner, at once or after a
 * coordinator approves.
 */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuietPartnersIT {
  static final String ME = "/api/matching/participants/me/new-partner";

  @LocalServerPort int port;
  @Autowired ProcessedEvents processed;
  @Autowired NewPartnerRequests requests;
  @Autowired NewPartnerJob newPartnerJob;
  MatchingApi matching;
  final Registrations upstream = new Registrations();

  @BeforeEach
  void api() {
    matching = new MatchingApi(port);
  }

  @AfterAll
  void close() {
    upstream.close();
  }

  private static String member(PartnershipFormed p, int i) {
    return p.members().get(i).participantId();
  }

  private void awaitHandled(String eventId) {
    await().until(() -> processed.seen(RegistrationListener.GROUP, eventId));
  }

  private String remind(PartnershipFormed p, String reportId, String by, Instant answerBy) {
    String silent = member(p, 0).equals(by) ? member(p, 1) : member(p, 0);
    String id =
        upstream.send(
            new PartnerReminded(
                p.partnershipId(),
                p.cycleId(),
                reportId,
                by,
                List.of(silent),
                answerBy,
                answerBy.minus(Duration.ofDays(7))));
    awaitHandled(id);
    return id;
  }

  private String flag(PartnershipFormed p, String reportId, String by) {
    String id =
        upstream.send(
            new PartnershipQuiet(
                p.partnershipId(), p.cycleId(), "REPORTED", Instant.now(), reportId, by));
    awaitHandled(id);
    return id;
  }

  @Test
  void shouldRecordRemindersFlagsAndCheckInAnswersOnceEach() {
    MatchingApi.Published cycle = matching.publishedCycle(upstream, 4, "{}");
    PartnershipFormed p = cycle.formed().get(0);
    String a = member(p, 0);
    String b = member(p, 1);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant answerBy = now.plus(Duration.ofDays(7));

    // when prompt-service tells, some of it twice
    CheckInAnswered yes =
        new CheckInAnswered(p.partnershipId(), p.cycleId(), a, "CHECK_IN", 3, true, now);
    String first = upstream.send(yes);
    upstream.send(yes, first); // the same event again
    upstream.send(yes); // the same answer under a new id
    upstream.send(
        new CheckInAnswered(p.partnershipId(), p.cycleId(), b, "MID_SURVEY", 9, false, now));
    upstream.send(
        new CheckInAnswered(p.partnershipId(), p.cycleId(), b, "CHECK_IN", 3, false, now));
    String reminded = remind(p, "r-1", a, answerBy);
    upstream.send(
        new PartnerReminded(p.partnershipId(), p.cycleId(), "r-1", a, List.of(b), answerBy, now),
        reminded);
    upstream.send(
        new PartnershipQuiet(p.partnershipId(), p.cycleId(), "NO_CHECK_IN", now, null, null));
    flag(p, "r-1", a);
    awaitHandled(flag(p, "r-1", a));

    // then the staff list shows each once
    JsonNode view = matching.partnership(cycle.cycleId(), p.partnershipId());
    assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(view.get("checkIn").get("answered").valueStream().map(JsonNode::asString))
        .containsExactly(a, b);
    assertThat(view.get("checkIn").get("connected").asBoolean()).isTrue();
    assertThat(view.get("reports")).hasSize(1);
    JsonNode report = view.get("reports").get(0);
    assertThat(report.get("reportId").asString()).isEqualTo("r-1");
    assertThat(report.get("reportedBy").asString()).isEqualTo(a);
    assertThat(Instant.parse(report.get("answerBy").asString())).isEqualTo(answerBy);
    assertThat(view.get("quietFlags")).hasSize(1);
    assertThat(view.get("quietFlags").get(0).get("reportedBy").asString()).isEqualTo(a);

    // and a partnership nobody answered yet says so
    JsonNode other = matching.partnership(cycle.cycleId(), cycle.formed().get(1).partnershipId());
    assertThat(other.get("checkIn").get("answered")).isEmpty();
    assertThat(other.get("checkIn").get("connected").isNull()).isTrue();
  }

  @Test
  void shouldGiveTheReporterANewPartnerAtOnceOnceTheirReportWentUnanswered() {
    // given two pairs and one person on the waitlist; re-matchings are published automatically
    MatchingApi.Published cycle =
        matching.publishedCycle(
            upstream, 5, "{\"leftoverPolicy\":\"WAITLIST\",\"afterPublication\":\"AUTOMATIC\"}");
    String cycleId = cycle.cycleId();
    PartnershipFormed p = cycle.formed().get(0);
    String reporter = member(p, 0);
    String silent = member(p, 1);
    String waitlisted =
        matching.runs(cycleId).get(0).get("waitlist").get(0).get("candidateId").asString();
    String token = TestTokens.participant(reporter);

    // before any report: refused, nothing written
    assertProblem(matching.api.post(ME, null, token), 409, "partnership");
    // reminded, grace period running: refused, saying when they may ask
    Instant answerBy = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
    remind(p, "r-1", reporter, answerBy);
    Api.Response early = matching.api.post(ME, null, token);
    assertProblem(early, 409, "partnership");
    assertThat(early.json().get("detail").asString()).contains("after " + answerBy);
    // the silent member's partnership was not reported by them
    assertProblem(matching.api.post(ME, null, TestTokens.participant(silent)), 409, "partnership");
    assertThat(matching.api.get(ME, token).status()).isEqualTo(404);
    assertThat(matching.partnership(cycleId, p.partnershipId()).get("status").asString())
        .isEqualTo("ACTIVE");

    flag(p, "r-1", reporter);
    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      // when the reporter asks, twice
      Api.Response asked = matching.api.post(ME, null, token);
      Api.Response again = matching.api.post(ME, null, token);

      // then one request, accepted at once
      assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
      assertThat(asked.json().get("status").asString()).isEqualTo("ACCEPTED");
      assertThat(asked.json().get("decidedAt").isNull()).isFalse();
      assertThat(again.status()).as(again.toString()).isEqualTo(200);
      assertThat(again.json().get("requestId").asString())
          .isEqualTo(asked.json().get("requestId").asString());

      // the partnership is dissolved (QUIET): the silent member leaves, the reporter stays
      PartnershipDissolved dissolved =
          partnerships
              .await(
                  TopicReader.event(MatchingEvents.PARTNERSHIP_DISSOLVED.type(), p.partnershipId()),
                  1)
              .get(0)
              .as(PartnershipDissolved.class);
      assertThat(dissolved.reason()).isEqualTo("QUIET");
      assertThat(dissolved.leaving()).containsExactly(silent);
      assertThat(dissolved.remaining()).containsExactly(reporter);

      // the reporter is re-paired with the waitlist; the silent member is not re-paired
      PartnershipFormed formed =
          partnerships
              .await(formedWith(reporter), 1, Duration.ofSeconds(60))
              .get(0)
              .as(PartnershipFormed.class);
      assertThat(formed.members())
          .extracting(PartnershipMember::participantId)
          .containsExactlyInAnyOrder(reporter, waitlisted);
      assertThat(matching.waitingPlacement(cycleId, silent)).isEqualTo("QUIET");

      // asking again after the new partnership answers the same request; nothing more happens
      Api.Response later = matching.api.post(ME, null, token);
      assertThat(later.status()).isEqualTo(200);
      assertThat(later.json().get("requestId").asString())
          .isEqualTo(asked.json().get("requestId").asString());
      List<CloudEventRecord> all = partnerships.drain(Duration.ofSeconds(3));
      assertThat(all).filteredOn(formedWith(silent)).isEmpty();
      assertThat(all)
          .filteredOn(TopicReader.type(MatchingEvents.PARTNERSHIP_DISSOLVED.type()))
          .hasSize(1);
      JsonNode mine = matching.api.get(ME, token).json();
      assertThat(mine.get("status").asString()).isEqualTo("ACCEPTED");
      // the silent member has no partnership to ask about any more
      assertProblem(
          matching.api.post(ME, null, TestTokens.participant(silent)), 404, "partnership");
    }
  }

  @Test
  void shouldWaitForACoordinatorWhenTheCycleAsksForApproval() {
    // given two pairs, each flagged by its first member
    MatchingApi.Published cycle =
        matching.publishedCycle(upstream, 4, "{\"quietRematch\":\"STAFF_APPROVAL\"}");
    String cycleId = cycle.cycleId();
    String base = "/api/matching/cycles/" + cycleId + "/new-partner-requests";
    PartnershipFormed first = cycle.formed().get(0);
    PartnershipFormed second = cycle.formed().get(1);
    flag(first, "r-1", member(first, 0));
    flag(second, "r-2", member(second, 0));

    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      // when both reporters ask
      Api.Response asked1 = matching.api.post(ME, null, TestTokens.participant(member(first, 0)));
      Api.Response asked2 = matching.api.post(ME, null, TestTokens.participant(member(second, 0)));

      // then their requests wait, and nothing is dissolved
      assertThat(asked1.status()).as(asked1.toString()).isEqualTo(201);
      assertThat(asked1.json().get("status").asString()).isEqualTo("AWAITING_APPROVAL");
      assertThat(asked1.json().get("decidedAt").isNull()).isTrue();
      String r1 = asked1.json().get("requestId").asString();
      String r2 = asked2.json().get("requestId").asString();
      JsonNode list = matching.api.get(base, TestTokens.staff(Role.VIEWER)).json();
      assertThat(list).hasSize(2);
      JsonNode row = list.get(0).get("requestId").asString().equals(r1) ? list.get(0) : list.get(1);
      assertThat(row.get("partnershipId").asString()).isEqualTo(first.partnershipId());
      assertThat(row.get("participantId").asString()).isEqualTo(member(first, 0));
      assertThat(row.get("fullName").asString()).startsWith("Person ");
      assertThat(row.get("quietMembers").get(0).get("participantId").asString())
          .isEqualTo(member(first, 1));
      assertThat(row.get("quietMembers").get(0).get("fullName").asString()).startsWith("Person ");
      assertThat(row.get("reportId").asString()).isEqualTo("r-1");
      assertThat(row.get("status").asString()).isEqualTo("AWAITING_APPROVAL");

      // bad decisions are refused and change nothing
      assertProblem(
          matching.api.post(
              base + "/" + r1 + "/approve",
              "{\"note\":\"" + "x".repeat(1001) + "\"}",
              matching.coordinator),
          400,
          "note");
      assertProblem(
          matching.api.post(base + "/np-unknown/approve", null, matching.coordinator),
          404,
          "requestId");
      assertThat(
              matching
                  .api
                  .post(base + "/" + r1 + "/approve", null, TestTokens.staff(Role.VIEWER))
                  .status())
          .isEqualTo(403);
      assertThat(partnerships.drain(Duration.ofSeconds(1)))
          .filteredOn(TopicReader.type(MatchingEvents.PARTNERSHIP_DISSOLVED.type()))
          .isEmpty();
      assertThat(matching.partnership(cycleId, first.partnershipId()).get("status").asString())
          .isEqualTo("ACTIVE");

      // a coordinator approves one and declines the other
      Api.Response approved =
          matching.api.post(
              base + "/" + r1 + "/approve", "{\"note\":\"agreed\"}", matching.coordinator);
      Api.Response declined =
          matching.api.post(
              base + "/" + r2 + "/decline",
              "{\"note\":\"Please write to them once more\"}",
              matching.coordinator);

      assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
      assertThat(approved.json().get("status").asString()).isEqualTo("ACCEPTED");
      assertThat(approved.json().get("decidedBy").asString()).isEqualTo("staff-coordinator");
      assertThat(approved.json().get("note").asString()).isEqualTo("agreed");
      PartnershipDissolved dissolved =
          partnerships
              .await(TopicReader.type(MatchingEvents.PARTNERSHIP_DISSOLVED.type()), 1)
              .get(0)
              .as(PartnershipDissolved.class);
      assertThat(dissolved.partnershipId()).isEqualTo(first.partnershipId());
      assertThat(dissolved.reason()).isEqualTo("QUIET");
      assertThat(dissolved.leaving()).containsExactly(member(first, 1));
      assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
      assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
      assertThat(matching.partnership(cycleId, second.partnershipId()).get("status").asString())
          .isEqualTo("ACTIVE");

      // the participants see the outcome; a decided request is not decided again
      JsonNode mine = matching.api.get(ME, TestTokens.participant(member(first, 0))).json();
      assertThat(mine.get("status").asString()).isEqualTo("ACCEPTED");
      assertThat(mine.get("note").asString()).isEqualTo("agreed");
      Api.Response declinedMine =
          matching.api.post(ME, null, TestTokens.participant(member(second, 0)));
      assertThat(declinedMine.status()).isEqualTo(200);
      assertThat(declinedMine.json().get("status").asString()).isEqualTo("DECLINED");
      assertThat(declinedMine.json().get("note").asString())
          .isEqualTo("Please write to them once more");
      assertProblem(
          matching.api.post(base + "/" + r1 + "/approve", null, matching.coordinator),
          409,
          "requestId");
      assertProblem(
          matching.api.post(base + "/" + r2 + "/approve", null, matching.coordinator),
          409,
          "requestId");
      assertThat(partnerships.drain(Duration.ofSeconds(1)))
          .filteredOn(TopicReader.type(MatchingEvents.PARTNERSHIP_DISSOLVED.type()))
          .hasSize(1);
    }
  }

  @Test
  void shouldLetATriosActiveMembersCarryOnAsAPairWhenOneWentQuiet() {
    // given a trio (three people, trios allowed)
    MatchingApi.Published cycle = matching.publishedCycle(upstream, 3, "{}");
    PartnershipFormed trio = cycle.formed().get(0);
    assertThat(trio.members()).hasSize(3);
    String reporter = member(trio, 0);
    String active = member(trio, 1);
    String silent = member(trio, 2);
    upstream.send(
        new PartnerReminded(
            trio.partnershipId(),
            trio.cycleId(),
            "r-1",
            reporter,
            List.of(silent),
            Instant.now(),
            Instant.now().minus(Duration.ofDays(7))));
    flag(trio, "r-1", reporter);

    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      // when the reporter asks for a new partner
      Api.Response asked = matching.api.post(ME, null, TestTokens.participant(reporter));
      assertThat(asked.status()).as(asked.toString()).isEqualTo(201);

      // then only the reminded member leaves; the two others carry on as a pair
      PartnershipDissolved dissolved =
          partnerships
              .await(
                  TopicReader.event(
                      MatchingEvents.PARTNERSHIP_DISSOLVED.type(), trio.partnershipId()),
                  1)
              .get(0)
              .as(PartnershipDissolved.class);
      assertThat(dissolved.leaving()).containsExactly(silent);
      assertThat(dissolved.remaining()).containsExactlyInAnyOrder(reporter, active);
      PartnershipFormed pair =
          partnerships.await(formedWith(reporter), 1).get(0).as(PartnershipFormed.class);
      assertThat(pair.partnershipId()).isEqualTo(trio.partnershipId() + "-r");
      assertThat(pair.members())
          .extracting(PartnershipMember::participantId)
          .containsExactlyInAnyOrder(reporter, active);
      assertThat(matching.waitingPlacement(cycle.cycleId(), silent)).isEqualTo("QUIET");
      // asking again in the pair answers the same request
      Api.Response again = matching.api.post(ME, null, TestTokens.participant(reporter));
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json().get("requestId").asString())
          .isEqualTo(asked.json().get("requestId").asString());
    }
  }

  @Test
  void shouldCarryOutAnAcceptedRequestACrashInterrupted() {
    // given an accepted request stored, but the instance stopped before it dissolved anything
    MatchingApi.Published cycle = matching.publishedCycle(upstream, 4, "{}");
    PartnershipFormed p = cycle.formed().get(0);
    flag(p, "r-1", member(p, 0));
    Instant then = Instant.now().minus(Duration.ofMinutes(5));
    NewPartnerRequest accepted =
        NewPartnerRequest.ask(
            p.cycleId(), p.partnershipId(), member(p, 0), "r-1", List.of(member(p, 1)), then, true);
    assertThat(requests.insert(accepted)).isTrue();

    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      // when the sweep runs (twice, as two instances might)
      newPartnerJob.finishInterrupted();
      newPartnerJob.finishInterrupted();

      // then it is carried out once
      assertThat(requests.find(accepted.requestId()).orElseThrow().carriedOut()).isTrue();
      assertThat(partnerships.drain(Duration.ofSeconds(2)))
          .filteredOn(
              TopicReader.event(MatchingEvents.PARTNERSHIP_DISSOLVED.type(), p.partnershipId()))
          .hasSize(1);
      assertThat(matching.waitingPlacement(cycle.cycleId(), member(p, 1))).isEqualTo("QUIET");
      assertThat(matching.waitingPlacement(cycle.cycleId(), member(p, 0)))
          .isEqualTo("NEEDS_PARTNER");
    }
  }

  @Test
  void shouldRefuseAnUnknownQuietRematchSettingAndKeepTheOldOne() {
    String cycleId = upstream.closedCycle();
    String path = "/api/matching/cycles/" + cycleId + "/settings";
    matching.settings(cycleId, "{\"quietRematch\":\"STAFF_APPROVAL\"}");

    assertProblem(
        matching.api.put(path, "{\"quietRematch\":\"SOMETIMES\"}", matching.coordinator),
        400,
        "quietRematch");
    assertProblem(
        matching.api.put(path, "{\"quietRematch\":7}", matching.coordinator), 400, "quietRematch");

    JsonNode settings = matching.api.get(path, matching.coordinator).json();
    assertThat(settings.get("quietRematch").asString()).isEqualTo("STAFF_APPROVAL");
    String other = upstream.closedCycle();
    assertThat(
            matching
                .api
                .get("/api/matching/cycles/" + other + "/settings", matching.coordinator)
                .json()
                .get("quietRematch")
                .asString())
        .isEqualTo("AUTOMATIC");
  }

  static Predicate<CloudEventRecord> formedWith(String participantId) {
    return r ->
        MatchingEvents.PARTNERSHIP_FORMED.type().equals(r.type())
            && r.as(PartnershipFormed.class).members().stream()
                .anyMatch(m -> m.participantId().equals(participantId));
  }
}
