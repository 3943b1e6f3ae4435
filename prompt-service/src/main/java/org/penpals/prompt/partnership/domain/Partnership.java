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
    List<QuietFlag> quiet) {

  public enum Status {
    /** Formed before registration described its cycle: planned as soon as it does. */
    PENDING_CYCLE,
    /** Prompts go out. */
    ACTIVE,
    /** Formed after the cycle's last prompt: nothing to send. */
    ENDED,
    /** Dissolved (withdrawal, erasure, staff): nothing more is sent. */
    DISSOLVED
  }

  /** Why coordinators should look at a partnership. */
  public enum QuietReason {
    /** Nobody answered the check-in within a week of it. */
    NO_CHECK_IN,
    /** A partner reported silence and the other did not answer within the grace period. */
    REPORTED
  }

  /** A participant's "my partner has gone quiet". */
  public record Report(
      String id,
      String by,
      Instant at,
      Instant checkAt,
      @Nullable String note,
      ReportStatus status,
      @Nullable Instant resolvedAt) {
    public Report {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(status, "status");
    }
  }

  public enum ReportStatus {
    /** Waiting for the grace period to end. */
    OPEN,
    /** The partner answered or wrote in time. */
    RESOLVED,
    /** The partnership was flagged quiet. */
    FLAGGED,
    /** The partnership ended before the check. */
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
    if (!active()) {
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

  /** A new report of silence, checked {@code grace} from now. */
  public Report report(
      String reportId, String by, @Nullable String note, Instant now, Duration grace) {
    if (!active()) {
      throw new StateConflict("this partnership has ended");
    }
    return new Report(reportId, by, now, now.plus(grace), note, ReportStatus.OPEN, null);
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
