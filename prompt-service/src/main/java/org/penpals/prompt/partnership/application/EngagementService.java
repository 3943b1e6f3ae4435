package org.penpals.prompt.partnership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.prompts.CheckInAnswered;
import org.penpals.contracts.prompts.PartnershipQuiet;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.penpals.prompt.partnership.domain.Answer;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.MemberPlan;
import org.penpals.prompt.partnership.domain.Partnership;
import org.penpals.prompt.partnership.domain.Timer;
import org.penpals.prompt.schedule.application.ScheduleService;
import org.penpals.prompt.schedule.domain.ScheduledWeek;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How partnerships engage: answers to the check-in and surveys, "my partner has gone quiet"
 * reports, and the quiet flags coordinators follow up.
 */
public class EngagementService {
  private static final Logger log = LoggerFactory.getLogger(EngagementService.class);

  private final Partnerships partnerships;
  private final MemberPlans plans;
  private final Participants participants;
  private final DueIndex timers;
  private final ScheduleService schedules;
  private final Clock clock;

  public EngagementService(
      Partnerships partnerships,
      MemberPlans plans,
      Participants participants,
      DueIndex timers,
      ScheduleService schedules,
      Clock clock) {
    this.partnerships = partnerships;
    this.plans = plans;
    this.participants = participants;
    this.timers = timers;
    this.schedules = schedules;
    this.clock = clock;
  }

  /**
   * The participant's partnership: the latest one still running, else the latest one. Only ever
   * found through the participant's own id (from their token).
   */
  public Partnership partnershipOf(String participantId) {
    List<Partnership> mine = partnerships.findAll(participants.partnershipsOf(participantId));
    Optional<Partnership> running =
        mine.stream().filter(Partnership::active).reduce((first, second) -> second);
    return running
        .or(
            () ->
                mine.stream()
                    .filter(p -> p.status() != Partnership.Status.PENDING_CYCLE)
                    .reduce((first, second) -> second))
        .orElseThrow(() -> new NotFound("your partnership"));
  }

  /** A participant answers the check-in or a survey of their current partnership. */
  public Answer answer(
      String participantId,
      int number,
      @Nullable Boolean connected,
      @Nullable Integer rating,
      @Nullable String comments) {
    Partnership p = partnershipOf(participantId);
    if (!p.active()) {
      throw new StateConflict("your partnership has ended", "week");
    }
    int prompts = schedules.header(p.cycleId()).prompts();
    if (number < 1 || number > prompts) {
      throw InvalidInput.of("week", "must be between 1 and " + prompts + " in this cycle");
    }
    ScheduledWeek week = schedules.week(p.cycleId(), number);
    Instant now = clock.instant();
    Answer answer =
        new Answer(participantId, number, week.kind(), connected, rating, comments, now);
    String deliveryId = MemberPlan.deliveryId(p.id(), participantId, number);
    boolean sentToThem =
        plans.deliveries(List.of(deliveryId)).values().stream().anyMatch(Delivery::sent);
    if (!sentToThem) {
      throw new StateConflict("prompt " + number + " has not been sent to you", "week");
    }
    p.accept(answer);
    CheckInAnswered event =
        new CheckInAnswered(
            p.id(),
            p.cycleId(),
            participantId,
            week.kind().name(),
            number,
            Boolean.TRUE.equals(connected),
            now);
    if (!partnerships.recordAnswer(p, answer, List.of(event))) {
      throw new StateConflict("you already answered prompt " + number, "week");
    }
    return answer;
  }

  /**
   * "My partner has gone quiet": recorded, and checked when the cycle's grace period is over. A
   * participant with an open report gets that one back.
   */
  public Partnership.Report reportQuiet(String participantId, @Nullable String note) {
    Partnership p = partnershipOf(participantId);
    Optional<Partnership.Report> open = p.openReportBy(participantId);
    if (open.isPresent()) {
      return open.get();
    }
    Instant now = clock.instant();
    Partnership.Report report =
        p.report(
            "r-" + UUID.randomUUID(),
            participantId,
            note,
            now,
            schedules.header(p.cycleId()).reportGrace());
    // the check is filed first: a report stored without its check would never be decided
    timers.file(List.of(new Timer.ReportCheck(p.id(), report.id(), report.checkAt())));
    if (!partnerships.addReport(p.id(), report)) {
      return partnerships
          .find(p.id())
          .flatMap(again -> again.openReportBy(participantId))
          .orElseThrow(() -> new StateConflict("your partnership has ended"));
    }
    return report;
  }

  /** A week after the check-in: flag the partnership if nobody answered it. */
  public void checkQuiet(String partnershipId) {
    Optional<Partnership> found = partnerships.find(partnershipId);
    if (found.isEmpty() || found.get().checkIn() == null) {
      return;
    }
    Partnership p = found.get();
    int checkIn = p.checkIn();
    boolean sent =
        plans
            .deliveries(
                p.memberIds().stream().map(m -> MemberPlan.deliveryId(p.id(), m, checkIn)).toList())
            .values()
            .stream()
            .anyMatch(Delivery::sent);
    Instant now = clock.instant();
    p.quietAfterCheckIn(sent, now)
        .ifPresent(
            flag -> {
              if (partnerships.flagQuiet(
                  p,
                  flag,
                  List.of(
                      new PartnershipQuiet(
                          p.id(), p.cycleId(), flag.reason().name(), now, null, null)))) {
                log.info("partnership {} is quiet: nobody answered the check-in", p.id());
              }
            });
  }

  /** A reported silence's grace period is over. */
  public void checkReport(String partnershipId, String reportId) {
    Optional<Partnership> found = partnerships.find(partnershipId);
    if (found.isEmpty()) {
      return;
    }
    Partnership p = found.get();
    Instant now = clock.instant();
    p.reportOutcome(reportId)
        .ifPresent(
            outcome -> {
              if (outcome != Partnership.ReportStatus.FLAGGED) {
                partnerships.closeReport(p.id(), reportId, outcome, now);
                return;
              }
              Partnership.QuietFlag flag =
                  new Partnership.QuietFlag(Partnership.QuietReason.REPORTED, now, reportId);
              if (partnerships.flagQuiet(
                  p,
                  flag,
                  List.of(
                      new PartnershipQuiet(
                          p.id(),
                          p.cycleId(),
                          flag.reason().name(),
                          now,
                          reportId,
                          p.reports().stream()
                              .filter(r -> r.id().equals(reportId))
                              .map(Partnership.Report::by)
                              .findFirst()
                              .orElse(null))))) {
                log.info("partnership {} is quiet: a reported silence went unanswered", p.id());
              }
            });
  }

  /** A member wrote to their partner (messaging) and so is not silent. */
  public void memberActive(String partnershipId, String participantId) {
    partnerships.memberActive(partnershipId, participantId, clock.instant());
  }

  public List<Partnership> quietOf(String cycleId) {
    return partnerships.quietOf(cycleId);
  }
}
