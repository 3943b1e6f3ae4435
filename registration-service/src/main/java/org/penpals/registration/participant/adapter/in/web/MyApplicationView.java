package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.cycle.domain.CycleStatus;
import org.penpals.registration.participant.application.SelfService;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantStatus;

/**
 * A participant's own application, with where it stands: its place (since when, how it got it) or
 * its position on the waitlist, and its cycle's stage and dates.
 *
 * @param admittedAt since when it holds a place, while admitted
 * @param admissionRoute how a waitlisted application got its place ({@code STAFF}, {@code
 *     FREED_PLACE}); null if admitted on applying, or not admitted
 * @param waitlistPosition 1 = next in line for a place; only while waitlisted
 */
public record MyApplicationView(
    String id,
    String cycleId,
    ParticipantStatus status,
    Admission admission,
    Admission.@Nullable Reason admissionReason,
    @Schema(description = "since when it holds a place; null unless admitted")
        @Nullable Instant admittedAt,
    @Schema(
            description =
                "how a waitlisted application got its place; null if admitted on applying or not"
                    + " admitted")
        Admission.@Nullable Route admissionRoute,
    @Schema(description = "1 = next in line for a place; null unless waitlisted")
        @Nullable Integer waitlistPosition,
    Instant registeredAt,
    @Nullable Instant verifiedAt,
    @Nullable Instant withdrawnAt,
    ParticipantView.@Nullable ProfileView profile,
    @Schema(description = "the cycle applied to: its stage and dates") CycleSummary cycle) {

  /**
   * The cycle as its participants see it.
   *
   * @param lastWeekEndsOn the last day of the last scheduled week
   */
  public record CycleSummary(
      String id,
      String name,
      CycleStatus status,
      LocalDate partnershipStartsOn,
      @Schema(description = "last day of the last scheduled week") LocalDate lastWeekEndsOn) {
    static CycleSummary of(Cycle c) {
      return new CycleSummary(
          c.id(),
          c.settings().name(),
          c.status(),
          c.settings().partnershipStartsOn(),
          c.settings().lastWeekEndsOn());
    }
  }

  static MyApplicationView of(SelfService.Overview overview) {
    Participant p = overview.participant();
    ParticipantView view = ParticipantView.of(p);
    return new MyApplicationView(
        view.id(),
        view.cycleId(),
        view.status(),
        view.admission(),
        view.admissionReason(),
        view.admittedAt(),
        view.admissionRoute(),
        overview.waitlistPosition(),
        view.registeredAt(),
        view.verifiedAt(),
        view.withdrawnAt(),
        view.profile(),
        CycleSummary.of(overview.cycle()));
  }
}
