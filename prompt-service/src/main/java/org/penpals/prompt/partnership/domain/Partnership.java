package org.penpals.prompt.partnership.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.StateConflict;
import org.penpals.prompt.library.PromptKind;

/**
 * A partnership as prompt-service keeps it: who is in it, which prompts it gets ({@code
 * first..last}), and how it engages — answers to the check-in and surveys, reported silences, and
 * the quiet flags coordinators see.
 *
 * @param checkIn the prompt number carrying the check-in, if the partnership gets it
 * @param touchpoints the prompt numbers it gets that ask for an answer (check-in, surveys)
 * @param lastRemindedAt when its members were last reminded (a report's reminder), if ever
 */
public record Partnership(
    String id,
    String cycleId,
    Status status,
    String origin,
    Instant formedAt,
    List<Member> members,
    int first,
    int last,
    @Nullable Integer checkIn,
    List<Integer> touchpoints,
    List<Answer> answers,
    List<Report> reports,
    List<QuietFlag> quiet,
    @Nullable Instant lastRemindedAt) {

  public enum Status {
    /** Formed before registration described its cycle: planned as soon as it does. */
    PENDING_CYCLE,
    /** Prompts go out. */
    ACTIVE,
    /** Formed after the cycle's last prompt: nothing to send. */
    ENDED,
    /** Dissolved (withdrawal, erasure, staff, quiet): nothing more is sent. */
    DISSOLVED,
    /**
     * Ran to the end of its cycle (matching's {@code PartnershipCompleted}): nothing more is sent;
     * check-ins and surveys already sent, the final survey above all, can still be answered.
     */
    COMPLETED
  }

  /** Why coordinators should look at a partnership. */
  public enum QuietReason {
    /** Nobody answered the check-in within a week of it. */
    NO_CHECK_IN,
    /** A partner reported silence and the other did not answer within the grace period. */
    REPORTED
  }

  /**
   * A participant's "my partner has gone quiet".
   *
   * @param checkAt the end of the grace period: the partner is to answer by then
   * @param resolvedAt when the report got its outcome ({@code RESOLVED}, {@code FLAGGED}, {@code
   *     CLOSED})
   * @param reminder what was done to remind the partner; null for reports made before reminders
   *     were sent
   */
  public record Report(
      String id,
      String by,
      Instant at,
      Instant checkAt,
      @Nullable String note,
      ReportStatus status,
      @Nullable Instant resolvedAt,
      @Nullable Reminder reminder) {
    public Report {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * The reminder a report caused, or why there was none.
   *
   * @param requestedAt when the reminder was asked of messaging ({@code PartnerReminded}); null if
   *     none was, because the partnership had been reminded less than the minimum interval before
   * @param reminded the members reminded (everyone but the reporter)
   * @param previousReminderAt for a report without a reminder: when the partnership was reminded
   * @param sentAt when the first reminder mail was accepted by the mail server
   * @param failedAt when a reminder mail failed for good
   * @param mails each reminder mail's outcome, as messaging told it
   */
  public record Reminder(
      @Nullable Instant requestedAt,
      List<String> reminded,
      @Nullable Instant previousReminderAt,
      @Nullable Instant sentAt,
      @Nullable Instant failedAt,
      List<ReminderMail> mails) {
    public Reminder {
      reminded = List.copyOf(reminded);
      mails = List.copyOf(mails);
      if (requestedAt == null && previousReminderAt == null) {
        throw new IllegalArgumentException("a reminder is requested or skipped for an earlier one");
      }
    }

    /** A reminder asked of messaging now. */
    public static Reminder requested(Instant at, List<String> reminded) {
      return new Reminder(at, reminded, null, null, null, List.of());
    }

    /** No reminder: the partnership was reminded at {@code previous}, too recently. */
    public static Reminder skipped(Instant previous) {
      return new Reminder(null, List.of(), previous, null, null, List.of());
    }

    public ReminderStatus status() {
      if (requestedAt == null) {
        return ReminderStatus.NOT_SENT_RECENTLY;
      }
      if (sentAt != null) {
        return ReminderStatus.SENT;
      }
      return failedAt != null ? ReminderStatus.FAILED : ReminderStatus.QUEUED;
    }
  }

  public enum ReminderStatus {
    /** Asked of messaging; no mail sent or failed yet. */
    QUEUED,
    /** A reminder mail was accepted by the mail server. */
    SENT,
    /** The reminder mail failed for good (no reminder mail was sent). */
    FAILED,
    /** None sent: the partnership was reminded less than a week before. */
    NOT_SENT_RECENTLY
  }

  /** What messaging told about one reminder mail. */
  public record ReminderMail(
      String participantId,
      String mailId,
      ReminderMailStatus status,
      Instant at,
      @Nullable String reason) {
    public ReminderMail {
      Objects.requireNonNull(participantId, "participantId");
      Objects.requireNonNull(mailId, "mailId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(at, "at");
    }
  }

  public enum ReminderMailStatus {
    SENT,
    FAILED
  }

  public enum ReportStatus {
    /** Waiting for the grace period to end. */
    OPEN,
    /** The partner answered or wrote in time. */
    RESOLVED,
    /** The partnership was flagged quiet. */
    FLAGGED,
    /** The partnership ended (dissolved, completed) before the check. */
    CLOSED
  }

  public record QuietFlag(QuietReason reason, Instant flaggedAt, @Nullable String reportId) {}

  public Partnership {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(status, "status");
    members = List.copyOf(members);
    touchpoints = List.copyOf(touchpoints);
    answers = List.copyOf(answers);
    reports = List.copyOf(reports);
    quiet = List.copyOf(quiet);
  }

  public boolean active() {
    return status == Status.ACTIVE;
  }

  /** Whether its members may still answer the check-ins and surveys they were sent. */
  public boolean answerable() {
    return status == Status.ACTIVE || status == Status.COMPLETED;
  }

  /** Whether a {@code PartnershipCompleted} changes it: anything not dissolved or completed. */
  public boolean completable() {
    return status != Status.DISSOLVED && status != Status.COMPLETED;
  }

  public Optional<Member> member(String participantId) {
    return members.stream().filter(m -> m.participantId().equals(participantId)).findFirst();
  }

  public List<String> memberIds() {
    return members.stream().map(Member::participantId).toList();
  }

  public boolean answered(String participantId, int number) {
    return answers.stream()
        .anyMatch(a -> a.participantId().equals(participantId) && a.number() == number);
  }

  /** Checks that {@code answer} may be recorded now (the caller checked it was sent to them). */
  public void accept(Answer answer) {
    if (!answerable()) {
      throw new StateConflict("this partnership has ended", "week");
    }
    if (member(answer.participantId()).isEmpty()) {
      throw new IllegalArgumentException("not a member");
    }
    if (answered(answer.participantId(), answer.number())) {
      throw new StateConflict("you already answered prompt " + answer.number(), "week");
    }
  }

  public boolean flagged(QuietReason reason) {
    return quiet.stream().anyMatch(q -> q.reason() == reason);
  }

  /**
   * A week after the check-in: flags the partnership quiet if the check-in went out to someone and
   * nobody answered it.
   */
  public Optional<QuietFlag> quietAfterCheckIn(boolean checkInSent, Instant now) {
    if (!active() || checkIn == null || !checkInSent || flagged(QuietReason.NO_CHECK_IN)) {
      return Optional.empty();
    }
    boolean answered =
        answers.stream().anyMatch(a -> a.kind() == PromptKind.CHECK_IN && a.number() == checkIn);
    return answered
        ? Optional.empty()
        : Optional.of(new QuietFlag(QuietReason.NO_CHECK_IN, now, null));
  }

  /** An open report by this participant, if they made one. */
  public Optional<Report> openReportBy(String participantId) {
    return reports.stream()
        .filter(r -> r.by().equals(participantId) && r.status() == ReportStatus.OPEN)
        .findFirst();
  }

  /** The earlier of two instants. */
  public static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** When the partnership's members were last reminded, if ever. */
  public Optional<Instant> lastReminderAt() {
    return Optional.ofNullable(lastRemindedAt);
  }

  /**
   * A new report of silence by a member, checked {@code grace} from now. It reminds the other
   * members unless they were reminded less than {@code reminderInterval} ago.
   */
  public Report report(
      String reportId,
      String by,
      @Nullable String note,
      Instant now,
      Duration grace,
      Duration reminderInterval) {
    if (!active()) {
      throw new StateConflict("this partnership has ended");
    }
    if (member(by).isEmpty()) {
      throw new IllegalArgumentException("not a member");
    }
    Optional<Instant> last = lastReminderAt();
    Reminder reminder =
        last.isPresent() && now.isBefore(last.get().plus(reminderInterval))
            ? Reminder.skipped(last.get())
            : Reminder.requested(now, memberIds().stream().filter(m -> !m.equals(by)).toList());
    return new Report(reportId, by, now, now.plus(grace), note, ReportStatus.OPEN, null, reminder);
  }

  /** The latest report this member made, if any. */
  public Optional<Report> latestReportBy(String participantId) {
    return reports.stream()
        .filter(r -> r.by().equals(participantId))
        .max(java.util.Comparator.comparing(Report::at).thenComparing(Report::id));
  }

  /**
   * The report whose reminder a mail to {@code participantId} belongs to: the one named in the mail
   * id, else the latest that reminded them.
   */
  public Optional<Report> remindedBy(String participantId, String mailId) {
    List<Report> reminding =
        reports.stream()
            .filter(
                r ->
                    r.reminder() != null
                        && r.reminder().requestedAt() != null
                        && r.reminder().reminded().contains(participantId))
            .toList();
    return reminding.stream()
        .filter(r -> mailId.contains(r.id()))
        .findFirst()
        .or(
            () ->
                reminding.stream()
                    .max(java.util.Comparator.comparing(r -> r.reminder().requestedAt())));
  }

  /**
   * The grace period of a report is over: {@code RESOLVED} if any partner answered a check-in or
   * survey or wrote to the reporter since the report, {@code FLAGGED} if not, empty if there is
   * nothing to decide (unknown, already decided).
   */
  public Optional<ReportStatus> reportOutcome(String reportId) {
    Optional<Report> report =
        reports.stream()
            .filter(r -> r.id().equals(reportId) && r.status() == ReportStatus.OPEN)
            .findFirst();
    if (report.isEmpty()) {
      return Optional.empty();
    }
    if (!active()) {
      return Optional.of(ReportStatus.CLOSED);
    }
    Report r = report.get();
    boolean partnerActive =
        members.stream()
            .filter(m -> !m.participantId().equals(r.by()))
            .anyMatch(
                m ->
                    (m.lastActiveAt() != null && !m.lastActiveAt().isBefore(r.at()))
                        || answers.stream()
                            .anyMatch(
                                a ->
                                    a.participantId().equals(m.participantId())
                                        && !a.at().isBefore(r.at())));
    return Optional.of(partnerActive ? ReportStatus.RESOLVED : ReportStatus.FLAGGED);
  }
}
