package org.penpals.portal.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.penpals.portal.services.Matching;
import org.penpals.portal.services.Messaging.Notice;
import org.penpals.portal.services.Messaging.NoticeKind;

/**
 * What the services told a participant about their partnership, read for the home page: the notices
 * messaging made for them (each a mail that was made, with when) and their latest request for a new
 * partner (matching). Nothing here guesses: every answer is the latest fact told. Both services
 * keep real time, so their times compare.
 */
final class LifeEvents {
  /** Notices of a partnership beginning again or ending early. */
  private static final Set<NoticeKind> PARTNERSHIP =
      EnumSet.of(NoticeKind.PARTNER_LEFT, NoticeKind.PARTNERSHIP_DISSOLVED, NoticeKind.NEW_PARTNER);

  /** Notices of a place (admitted, waitlisted) or a partnership beginning again or ending early. */
  private static final Set<NoticeKind> STANDING =
      EnumSet.of(
          NoticeKind.WAITLISTED,
          NoticeKind.ADMITTED,
          NoticeKind.PARTNER_LEFT,
          NoticeKind.PARTNERSHIP_DISSOLVED,
          NoticeKind.NEW_PARTNER);

  private LifeEvents() {}

  /**
   * Why someone admitted to a cycle whose partnerships are published has no partnership, as the
   * services tell it.
   */
  enum Unpaired {
    /** Their request for a new partner was carried out, and nothing happened since. */
    NEW_PARTNER_SOUGHT,
    /** The latest news: their partner left the programme (the remaining member is re-paired). */
    PARTNER_LEFT,
    /** The latest news: their partnership was dissolved (the notice says why and what next). */
    PARTNERSHIP_DISSOLVED,
    /** The latest news: matching found nobody for them (waitlisted after their admission). */
    NO_PARTNER_FOUND,
    /** Nothing more is known. */
    NOT_PAIRED
  }

  static Optional<Notice> latest(List<Notice> notices, Set<NoticeKind> kinds) {
    return notices.stream()
        .filter(n -> kinds.contains(n.kind()))
        .max(Comparator.comparing(Notice::at));
  }

  /**
   * When the current partner was introduced as a new partner: the latest notice about a partnership
   * beginning or ending is a {@code NEW_PARTNER} one.
   */
  static Optional<Instant> newPartnerSince(List<Notice> notices) {
    return latest(notices, PARTNERSHIP)
        .filter(n -> n.kind() == NoticeKind.NEW_PARTNER)
        .map(Notice::at);
  }

  /**
   * Whether a request for a new partner was made in the current partnership: matching answers the
   * latest request whatever partnership it was made in, and no new partner was introduced since
   * this one was made.
   */
  static boolean current(Matching.NewPartnerRequest request, List<Notice> notices) {
    return latest(notices, EnumSet.of(NoticeKind.NEW_PARTNER))
        .map(n -> !n.at().isAfter(request.requestedAt()))
        .orElse(true);
  }

  static Unpaired unpaired(List<Notice> notices, Optional<Matching.NewPartnerRequest> request) {
    Optional<Notice> last = latest(notices, STANDING);
    Optional<Instant> accepted =
        request
            .filter(r -> r.status() == Matching.RequestStatus.ACCEPTED)
            .map(r -> r.decidedAt() == null ? r.requestedAt() : r.decidedAt());
    if (accepted.isPresent() && last.map(n -> !n.at().isAfter(accepted.get())).orElse(true)) {
      return Unpaired.NEW_PARTNER_SOUGHT;
    }
    return last.map(
            n ->
                switch (n.kind()) {
                  case PARTNER_LEFT -> Unpaired.PARTNER_LEFT;
                  case PARTNERSHIP_DISSOLVED -> Unpaired.PARTNERSHIP_DISSOLVED;
                  case WAITLISTED -> Unpaired.NO_PARTNER_FOUND;
                  default -> Unpaired.NOT_PAIRED;
                })
        .orElse(Unpaired.NOT_PAIRED);
  }
}
