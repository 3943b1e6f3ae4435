package org.penpals.prompt.partnership.adapter.in.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.partnership.domain.Partnership;

/** How a report of silence and its reminder are shown: to its author, and to staff. */
public final class ReportViews {
  private ReportViews() {}

  /**
   * The reminder a report caused, with dates (programme time).
   *
   * @param status {@code QUEUED} (asked of messaging), {@code SENT}, {@code FAILED}, or {@code
   *     NOT_SENT_RECENTLY} (the partnership was reminded less than a week before, at {@code
   *     previousReminderAt})
   * @param requestedAt when the reminder was asked for (null if none was)
   * @param sentAt when a reminder mail was accepted by the mail server
   * @param failedAt when a reminder mail failed for good
   */
  public record Reminder(
      String status,
      @Nullable Instant requestedAt,
      @Nullable Instant sentAt,
      @Nullable Instant failedAt,
      @Nullable Instant previousReminderAt) {}

  /**
   * A participant's own report.
   *
   * @param status {@code OPEN} (waiting for the partner), {@code RESOLVED} (the partner answered or
   *     wrote), {@code FLAGGED} (nobody answered by {@code checkAt}: coordinators look, and the
   *     reporter may ask for a new partner), {@code CLOSED} (the partnership ended first)
   * @param answerBy the same as {@code checkAt}: the partner is to answer by then
   * @param reminder null only for reports made before reminders were sent
   */
  public record Mine(
      String reportId,
      String status,
      Instant reportedAt,
      Instant checkAt,
      Instant answerBy,
      @Nullable Reminder reminder) {}

  /** One reminder mail, as messaging told it. */
  public record Mail(
      String participantId, String mailId, String status, Instant at, @Nullable String reason) {}

  /** The reminder, for staff: whom it went to and each mail. */
  public record StaffReminder(
      String status,
      @Nullable Instant requestedAt,
      @Nullable Instant sentAt,
      @Nullable Instant failedAt,
      @Nullable Instant previousReminderAt,
      List<String> reminded,
      List<Mail> mails) {}

  /**
   * A report, for staff.
   *
   * @param by who reported the silence
   * @param status the outcome so far ({@code OPEN}, {@code RESOLVED}, {@code FLAGGED}, {@code
   *     CLOSED})
   * @param resolvedAt when it got that outcome (null while open)
   */
  public record Staff(
      String reportId,
      String by,
      @Nullable String note,
      String status,
      Instant reportedAt,
      Instant checkAt,
      Instant answerBy,
      @Nullable Instant resolvedAt,
      @Nullable StaffReminder reminder) {}

  static Mine mine(Partnership.Report r) {
    Partnership.Reminder m = r.reminder();
    return new Mine(
        r.id(),
        r.status().name(),
        r.at(),
        r.checkAt(),
        r.checkAt(),
        m == null
            ? null
            : new Reminder(
                m.status().name(),
                m.requestedAt(),
                m.sentAt(),
                m.failedAt(),
                m.previousReminderAt()));
  }

  static List<Staff> staff(List<Partnership.Report> reports) {
    return reports.stream().map(ReportViews::staff).toList();
  }

  static Staff staff(Partnership.Report r) {
    Partnership.Reminder m = r.reminder();
    return new Staff(
        r.id(),
        r.by(),
        r.note(),
        r.status().name(),
        r.at(),
        r.checkAt(),
        r.checkAt(),
        r.resolvedAt(),
        m == null
            ? null
            : new StaffReminder(
                m.status().name(),
                m.requestedAt(),
                m.sentAt(),
                m.failedAt(),
                m.previousReminderAt(),
                m.reminded(),
                m.mails().stream()
                    .map(
                        mail ->
                            new Mail(
                                mail.participantId(),
                                mail.mailId(),
                                mail.status().name(),
                                mail.at(),
                                mail.reason()))
                    .toList()));
  }
}
