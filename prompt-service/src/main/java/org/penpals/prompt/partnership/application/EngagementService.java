package org.penpals.prompt.partnership.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.prompts.CheckInAnswered;
import org.penpals.contracts.prompts.PartnerReminded;
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
  private final Duration reminderInterval;
  private final Clock clock;

  /**
   * @param reminderInterval a partnership is reminded at most once in this long (programme time)
   */
  public EngagementService(
      Partnerships partnerships,
      MemberPlans plans,
      Participants participants,
      DueIndex timers,
      ScheduleService schedules,
      Duration reminderInterval,
      Clock clock) {
    this.reminderInterval = reminderInterval;
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
    if (!p.answerable()) {
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
   * "My partner has gone quiet": recorded, checked when the cycle's grace period is over, and — in
   * the same write — the other members are reminded ({@code PartnerReminded}) unless the
   * partnership was reminded less than the reminder interval (a week) ago. A participant with an
   * open report gets that one back and nothing is written.
   */
  public Partnership.Report reportQuiet(String participantId, @Nullable String note) {
    Partnership p = partnershipOf(participantId);
    String reportId = "r-" + UUID.randomUUID();
    boolean checkFiled = false;
    Instant now = clock.instant();
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<Partnership.Report> open = p.openReportBy(participantId);
      if (open.isPresent()) {
        return open.get();
      }
      Partnership.Report report =
          p.report(
              reportId,
              participantId,
              note,
              now,
              schedules.header(p.cycleId()).reportGrace(),
              reminderInterval);
      if (!checkFiled) {
        // the check is filed first: a report stored without its check would never be decided
        timers.file(List.of(new Timer.ReportCheck(p.id(), report.id(), report.checkAt())));
        checkFiled = true;
      }
      Partnership.Reminder reminder = report.reminder();
      List<Object> events = new ArrayList<>();
      if (reminder != null && reminder.requestedAt() != null && !reminder.reminded().isEmpty()) {
        events.add(
            new PartnerReminded(
                p.id(),
                p.cycleId(),
                report.id(),
                participantId,
                reminder.reminded(),
                report.checkAt(),
                reminder.requestedAt()));
      }
      if (partnerships.addReport(p.id(), report, p.lastReminderAt().orElse(null), events)) {
        if (!events.isEmpty()) {
          log.info("partnership {}: a silence was reported and the partner reminded", p.id());
        }
        return report;
      }
      // another report, a reminder or the partnership's end came first: decide again
      p =
          partnerships
              .find(p.id())
              .orElseThrow(() -> new StateConflict("your partnership has ended"));
    }
    throw new StateConflict("your report could not be recorded; try again");
  }

  /** The participant's latest report of silence in their current partnership. */
  public Partnership.Report latestReport(String participantId) {
    return partnershipOf(participantId)
        .latestReportBy(participantId)
        .orElseThrow(() -> new NotFound("your report"));
  }

  /**
   * Messaging sent a reminder mail, or could not (its {@code MailSent} / {@code MailFailed}):
   * recorded on the report that caused it. Replays change nothing. Times are programme time: a mail
   * handled before the reminder's programme time (a demo clock ahead of real time) counts as sent
   * when it was requested.
   */
  public void reminderMail(
      String partnershipId,
      String participantId,
      String mailId,
      Partnership.ReminderMailStatus status,
      Instant at,
      @Nullable String reason) {
    Optional<Partnership> found = partnerships.find(partnershipId);
    if (found.isEmpty()) {
      log.debug("reminder mail {} is about partnership {}, unknown here", mailId, partnershipId);
      return;
    }
    Optional<Partnership.Report> report = found.get().remindedBy(participantId, mailId);
    if (report.isEmpty()) {
      log.debug("reminder mail {} matches no reminder of partnership {}", mailId, partnershipId);
      return;
    }
    Instant requestedAt = report.get().reminder().requestedAt();
    Instant when = at.isBefore(requestedAt) ? requestedAt : at;
    partnerships.recordReminderMail(
        partnershipId,
        report.get().id(),
        new Partnership.ReminderMail(participantId, mailId, status, when, reason));
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
