package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.portal.services.Registration.CycleStatus.ARCHIVED;
import static org.penpals.portal.services.Registration.CycleStatus.COMPLETED;
import static org.penpals.portal.services.Registration.CycleStatus.MATCHES_PUBLISHED;
import static org.penpals.portal.services.Registration.CycleStatus.MATCHING;
import static org.penpals.portal.services.Registration.CycleStatus.REGISTRATION_CLOSED;
import static org.penpals.portal.services.Registration.CycleStatus.REGISTRATION_OPEN;
import static org.penpals.portal.services.Registration.CycleStatus.RUNNING;
import static org.penpals.portal.support.FakeServices.ALICE;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.penpals.portal.services.Matching.RequestStatus;
import org.penpals.portal.services.Messaging.NoticeKind;
import org.penpals.portal.services.Registration.AdmissionRoute;
import org.penpals.portal.services.Registration.ApplicationStatus;
import org.penpals.portal.services.Registration.CycleStatus;
import org.penpals.portal.services.Registration.WaitReason;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page of a participant without a partnership says where their application stands, each
 * statement only in the state registration (and, once matched, the notices and matching) backs.
 */
@PortalWebTest
class HomeStandingTest {
  private static final Instant FEB_1 = Instant.parse("2027-02-01T10:00:00Z");

  private static final String POSITION = "in line.";
  private static final String WHEN_A_PLACE_FREES =
      "When a place frees up, we admit the next person in line, in order of application";
  private static final String REGISTRATION_CLOSED_TEXT =
      "Registration has closed: a coordinator may still offer you a place";
  private static final String HAD_A_PLACE = "You have had a place in this cycle since";
  private static final String FROM_THE_WAITLIST = "waiting list";
  private static final String CYCLE_ENDED = "This cycle has ended.";
  private static final String PARTNER_LEFT = "Your partner has left the programme.";
  private static final String SEEKING = "We are finding you a new partner";
  private static final String DISSOLVED = "Your partnership was brought to an end.";
  private static final String NO_PARTNER_FOUND = "We have not yet found a partner who suits you.";
  private static final String NOT_PAIRED = "you do not have a partner at the moment";

  @LocalServerPort int port;
  @Autowired FakeServices services;
  Browser alice;

  @BeforeEach
  void signIn() {
    services.reset();
    services.noPartnership(ALICE);
    alice = new Browser(port);
    alice.signIn("alice-link");
  }

  private String standing() {
    return alice.open("/home").html().select("#standing").text();
  }

  @Test
  void shouldShowTheWaitlistPositionReasonAndWhatHappensNextWhileRegistrationIsOpen() {
    services.application(
        ALICE, a -> a.waitlisted(4, WaitReason.COUNTRY_CAP).inCycle(REGISTRATION_OPEN));

    String standing = standing();

    assertThat(standing)
        .contains(
            "You are on the waiting list for this cycle.",
            "The places for applicants from your country are taken for now.",
            "You are number 4 in line.",
            WHEN_A_PLACE_FREES)
        .doesNotContain(REGISTRATION_CLOSED_TEXT, HAD_A_PLACE, "You have a place");
  }

  @Test
  void shouldSayACoordinatorMayStillOfferAPlaceOnceRegistrationHasClosed() {
    services.application(
        ALICE, a -> a.waitlisted(2, WaitReason.CAPACITY).inCycle(REGISTRATION_CLOSED));

    String standing = standing();

    assertThat(standing)
        .contains(
            "All the places in this cycle are taken for now.",
            "You are number 2 in line.",
            REGISTRATION_CLOSED_TEXT)
        .doesNotContain(WHEN_A_PLACE_FREES);
  }

  @Test
  void shouldShowNoPositionWhenRegistrationTellsNone() {
    services.application(ALICE, a -> a.waitlisted(null, null).inCycle(REGISTRATION_OPEN));

    assertThat(standing()).contains("You are on the waiting list").doesNotContain(POSITION);
  }

  @Test
  void shouldShowAPositionOnlyWhileWaitlisted() {
    // registration never answers a position for an admitted application; if it did, it is not shown
    services.application(
        ALICE, a -> a.admitted(FEB_1, null).position(3).inCycle(REGISTRATION_OPEN));

    assertThat(standing()).doesNotContain(POSITION).doesNotContain("waiting list");
  }

  @Test
  void shouldAskAnUnconfirmedApplicantToConfirmBeforeAnyPlaceAndShowNoPosition() {
    services.application(
        ALICE,
        a ->
            a.status(ApplicationStatus.PENDING_VERIFICATION)
                .waitlisted(40, WaitReason.CAPACITY)
                .inCycle(REGISTRATION_OPEN));

    assertThat(standing())
        .contains(
            "Waiting for you to confirm your email address.",
            "We can offer you a place only once you have confirmed your email address.")
        .doesNotContain(POSITION, WHEN_A_PLACE_FREES);
  }

  @Test
  void shouldShowTheDateOfAPlaceGivenOnApplying() {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(REGISTRATION_OPEN));

    assertThat(standing())
        .contains(HAD_A_PLACE + " February 1, 2027.")
        .doesNotContain(FROM_THE_WAITLIST, "You are on the waiting list");
  }

  @Test
  void shouldSayAPlaceFromTheWaitlistCameWhenAPlaceFreedUp() {
    services.application(
        ALICE, a -> a.admitted(FEB_1, AdmissionRoute.FREED_PLACE).inCycle(REGISTRATION_OPEN));

    assertThat(standing())
        .contains(
            "On February 1, 2027 a place freed up and, as the next in line on the waiting list,"
                + " you were given it.")
        .doesNotContain(HAD_A_PLACE, "a coordinator gave you");
  }

  @Test
  void shouldSayACoordinatorGaveThePlaceFromTheWaitlist() {
    services.application(
        ALICE, a -> a.admitted(FEB_1, AdmissionRoute.STAFF).inCycle(REGISTRATION_CLOSED));

    assertThat(standing())
        .contains("On February 1, 2027 a coordinator gave you a place from the waiting list.")
        .doesNotContain("a place freed up", HAD_A_PLACE);
  }

  @ParameterizedTest
  @EnumSource(
      value = CycleStatus.class,
      names = {"REGISTRATION_OPEN", "REGISTRATION_CLOSED", "MATCHING"})
  void shouldPromiseAnIntroductionAndTheStartDateBeforeMatching(CycleStatus cycle) {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(cycle));

    assertThat(standing())
        .contains(
            "We will email you as soon as you have a partner.",
            "Partnerships start on March 1, 2027.")
        .doesNotContain(NOT_PAIRED, PARTNER_LEFT, SEEKING, CYCLE_ENDED);
  }

  @ParameterizedTest
  @EnumSource(
      value = CycleStatus.class,
      names = {"MATCHES_PUBLISHED", "RUNNING"})
  void shouldSayThereIsNoPartnerAtTheMomentOnceMatched(CycleStatus cycle) {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(cycle));

    assertThat(standing())
        .contains("Partners have been matched in this cycle, but " + NOT_PAIRED)
        .doesNotContain(
            PARTNER_LEFT, SEEKING, DISSOLVED, NO_PARTNER_FOUND, "Partnerships start on");
  }

  @Test
  void shouldSayWeLookForANewPartnerWhenTheLatestNewsIsThatTheirPartnerLeft() {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(RUNNING));
    services.notice(
        ALICE, NoticeKind.PARTNER_LEFT, "Your partner left", "…", FEB_1.plusSeconds(86_400 * 40));

    assertThat(standing())
        .contains(
            PARTNER_LEFT,
            "We are looking for a new partner for you and will email you an introduction.")
        .doesNotContain(NOT_PAIRED, SEEKING);
  }

  @Test
  void shouldPointToTheUpdatesWhenThePartnershipWasDissolved() {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(RUNNING));
    services.notice(
        ALICE, NoticeKind.PARTNER_LEFT, "Your partner left", "…", FEB_1.plusSeconds(86_400));
    services.notice(
        ALICE,
        NoticeKind.PARTNERSHIP_DISSOLVED,
        "Your partnership ended",
        "…",
        FEB_1.plusSeconds(86_400 * 50));

    assertThat(standing()).contains(DISSOLVED).doesNotContain(PARTNER_LEFT, NOT_PAIRED);
  }

  @Test
  void shouldSayMatchingFoundNobodyYetWhenWaitlistedAfterTheAdmission() {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(MATCHES_PUBLISHED));
    services.notice(ALICE, NoticeKind.ADMITTED, "A place", "…", FEB_1);
    services.notice(
        ALICE, NoticeKind.WAITLISTED, "No partner yet", "…", FEB_1.plusSeconds(86_400 * 20));

    assertThat(standing()).contains(NO_PARTNER_FOUND).doesNotContain(NOT_PAIRED);
  }

  @Test
  void shouldSayPlainlyNotPairedWhenTheWaitlistNoticeCameBeforeTheAdmission() {
    services.application(ALICE, a -> a.admitted(FEB_1, AdmissionRoute.STAFF).inCycle(RUNNING));
    services.notice(ALICE, NoticeKind.WAITLISTED, "Waiting list", "…", FEB_1.minusSeconds(86_400));
    services.notice(ALICE, NoticeKind.ADMITTED, "A place", "…", FEB_1);

    assertThat(standing()).contains(NOT_PAIRED).doesNotContain(NO_PARTNER_FOUND);
  }

  @Test
  void shouldSayWeAreFindingANewPartnerOnceTheirRequestWasCarriedOut() {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(RUNNING));
    services.notice(ALICE, NoticeKind.ADMITTED, "A place", "…", FEB_1);
    services.newPartnerRequest(ALICE, RequestStatus.ACCEPTED, FEB_1.plusSeconds(86_400 * 60), null);

    assertThat(standing())
        .contains("We are finding you a new partner; we will email you an introduction.")
        .doesNotContain(NOT_PAIRED, PARTNER_LEFT);
  }

  @Test
  void shouldNotSayWeAreFindingANewPartnerForARequestNewsHasOvertaken() {
    // an accepted request, a new partner introduced since, who then left
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(RUNNING));
    services.newPartnerRequest(ALICE, RequestStatus.ACCEPTED, FEB_1.plusSeconds(86_400 * 60), null);
    services.notice(
        ALICE, NoticeKind.NEW_PARTNER, "New partner", "…", FEB_1.plusSeconds(86_400 * 61));
    services.notice(
        ALICE, NoticeKind.PARTNER_LEFT, "Partner left", "…", FEB_1.plusSeconds(86_400 * 70));

    assertThat(standing()).contains(PARTNER_LEFT).doesNotContain(SEEKING);
  }

  @ParameterizedTest
  @EnumSource(
      value = RequestStatus.class,
      names = {"AWAITING_APPROVAL", "DECLINED"})
  void shouldNotSayWeAreFindingANewPartnerForARequestNotCarriedOut(RequestStatus status) {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(RUNNING));
    services.newPartnerRequest(ALICE, status, FEB_1.plusSeconds(86_400 * 60), null);

    assertThat(standing()).doesNotContain(SEEKING).contains(NOT_PAIRED);
  }

  @ParameterizedTest
  @EnumSource(
      value = CycleStatus.class,
      names = {"COMPLETED", "ARCHIVED"})
  void shouldSayTheCycleHasEndedAndNothingElseAboutPlacesOrPartners(CycleStatus cycle) {
    services.application(ALICE, a -> a.waitlisted(3, WaitReason.CAPACITY).inCycle(cycle));
    services.notice(ALICE, NoticeKind.CYCLE_COMPLETED, "The cycle has ended", "…", FEB_1);

    assertThat(standing())
        .contains(CYCLE_ENDED)
        .doesNotContain(POSITION, WHEN_A_PLACE_FREES, REGISTRATION_CLOSED_TEXT, NOT_PAIRED);
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(cycle));
    assertThat(standing()).contains(CYCLE_ENDED).doesNotContain(HAD_A_PLACE, NOT_PAIRED);
  }

  @ParameterizedTest
  @EnumSource(
      value = CycleStatus.class,
      names = {"REGISTRATION_OPEN", "MATCHING", "RUNNING"})
  void shouldNotSayTheCycleHasEndedWhileItRuns(CycleStatus cycle) {
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(cycle));

    assertThat(alice.open("/home").body()).doesNotContain(CYCLE_ENDED);
  }

  @Test
  void shouldSayOnlyThatTheyWithdrew() {
    services.application(
        ALICE,
        a ->
            a.status(ApplicationStatus.WITHDRAWN)
                .waitlisted(5, WaitReason.CAPACITY)
                .inCycle(REGISTRATION_OPEN));

    assertThat(standing())
        .contains("You have withdrawn from this cycle.")
        .doesNotContain(POSITION, WHEN_A_PLACE_FREES, "waiting list");
  }

  @Test
  void shouldNotAskMatchingBeforeTheCycleIsMatched() {
    // matching down: the page before matching does not need it
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(MATCHING));
    services.down = "matching";

    assertThat(alice.open("/home").status()).isEqualTo(200);
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(ARCHIVED));
    assertThat(alice.open("/home").status()).isEqualTo(200);
    services.application(ALICE, a -> a.admitted(FEB_1, null).inCycle(COMPLETED));
    assertThat(alice.open("/home").status()).isEqualTo(200);
  }
}
