package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.penpals.portal.services.Matching.NewPartnerRequest;
import org.penpals.portal.services.Matching.RequestStatus;
import org.penpals.portal.services.Messaging.Notice;
import org.penpals.portal.services.Messaging.NoticeKind;
import org.penpals.portal.web.LifeEvents.Unpaired;

/** The home page's reading of the notices and the latest request: always the latest fact. */
class LifeEventsTest {
  private static final Instant T0 = Instant.parse("2027-04-01T00:00:00Z");
  private final List<Notice> notices = new ArrayList<>();

  private void notice(NoticeKind kind, int day) {
    notices.add(new Notice(kind + "-" + day, kind, "s", "t", T0.plusSeconds(86_400L * day)));
  }

  private static Optional<NewPartnerRequest> request(RequestStatus status, int day) {
    Instant at = T0.plusSeconds(86_400L * day);
    return Optional.of(new NewPartnerRequest("np", status, at, at, null));
  }

  @Test
  void shouldReadTheLatestNewsWhateverOrderTheNoticesCameIn() {
    notice(NoticeKind.PARTNER_LEFT, 5);
    notice(NoticeKind.ADMITTED, 1);
    notice(NoticeKind.PARTNERSHIP_DISSOLVED, 3);
    notice(NoticeKind.ANNOUNCEMENT, 9);

    assertThat(LifeEvents.unpaired(notices, Optional.empty())).isEqualTo(Unpaired.PARTNER_LEFT);
  }

  @Test
  void shouldSeekANewPartnerOnlyForAnAcceptedRequestNoNewsOvertook() {
    notice(NoticeKind.ADMITTED, 1);
    assertThat(LifeEvents.unpaired(notices, request(RequestStatus.ACCEPTED, 4)))
        .isEqualTo(Unpaired.NEW_PARTNER_SOUGHT);
    assertThat(LifeEvents.unpaired(notices, request(RequestStatus.AWAITING_APPROVAL, 4)))
        .isEqualTo(Unpaired.NOT_PAIRED);

    notice(NoticeKind.NEW_PARTNER, 6);
    assertThat(LifeEvents.unpaired(notices, request(RequestStatus.ACCEPTED, 4)))
        .isEqualTo(Unpaired.NOT_PAIRED);
  }

  @Test
  void shouldCallAPartnerNewOnlyWhileTheIntroductionIsTheLatestPartnershipNews() {
    assertThat(LifeEvents.newPartnerSince(notices)).isEmpty();
    notice(NoticeKind.NEW_PARTNER, 2);
    notice(NoticeKind.REMINDER, 3);
    assertThat(LifeEvents.newPartnerSince(notices)).contains(T0.plusSeconds(86_400L * 2));
    notice(NoticeKind.PARTNER_LEFT, 4);
    assertThat(LifeEvents.newPartnerSince(notices)).isEmpty();
  }

  @Test
  void shouldTakeARequestAsTheCurrentPartnershipsUntilANewPartnerIsIntroducedAfterIt() {
    NewPartnerRequest made = request(RequestStatus.DECLINED, 5).orElseThrow();
    notice(NoticeKind.NEW_PARTNER, 2);
    assertThat(LifeEvents.current(made, notices)).isTrue();
    notice(NoticeKind.NEW_PARTNER, 7);
    assertThat(LifeEvents.current(made, notices)).isFalse();
  }
}
