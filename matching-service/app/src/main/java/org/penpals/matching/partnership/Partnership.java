package org.penpals.matching.partnership;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A published partnership: two or three people for the cycle's four months, with what
 * prompt-service told of it (reminders after a report of silence, quiet flags, check-in answers).
 *
 * @param origin {@code INITIAL}, {@code LATE}, {@code REPLACEMENT} or {@code MANUAL}
 * @param reports reminders sent after a member reported the others silent
 * @param quietFlags reported silences that went unanswered for the cycle's grace period
 * @param checkIns the members' answers to the week-3 check-in
 */
public record Partnership(
    String id,
    String cycleId,
    List<String> members,
    long score,
    String origin,
    String runId,
    PartnershipStatus status,
    Instant formedAt,
    @Nullable Instant dissolvedAt,
    @Nullable DissolutionReason dissolvedReason,
    @Nullable Instant completedAt,
    List<Report> reports,
    List<QuietFlag> quietFlags,
    List<CheckInAnswer> checkIns) {

  public Partnership {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(formedAt, "formedAt");
    members = List.copyOf(members);
    if (members.size() < 2 || members.size() > 3) {
      throw new IllegalArgumentException("a partnership has two or three members: " + members);
    }
    reports = List.copyOf(reports);
    quietFlags = List.copyOf(quietFlags);
    checkIns = List.copyOf(checkIns);
  }

  /** A partnership just formed: active, nothing reported yet. */
  public static Partnership formed(
      String id,
      String cycleId,
      List<String> members,
      long score,
      String origin,
      String runId,
      Instant at) {
    return new Partnership(
        id,
        cycleId,
        members,
        score,
        origin,
        runId,
        PartnershipStatus.ACTIVE,
        at,
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of());
  }

  /** The id of the pair a trio's two remaining members carry on as. */
  public static String continuationId(String partnershipId) {
    return partnershipId + "-r";
  }

  public boolean active() {
    return status == PartnershipStatus.ACTIVE;
  }

  /**
   * A reminder prompt-service sent after {@code reportedBy} reported the others silent.
   *
   * @param reminded the members reminded (the silent ones)
   * @param answerBy end of the grace period: unanswered by then, the report is flagged
   */
  public record Report(
      String reportId,
      String reportedBy,
      List<String> reminded,
      Instant answerBy,
      Instant remindedAt) {
    public Report {
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(reportedBy, "reportedBy");
      reminded = List.copyOf(reminded);
      Objects.requireNonNull(answerBy, "answerBy");
      Objects.requireNonNull(remindedAt, "remindedAt");
    }
  }

  /** A reported silence nobody answered within the grace period ({@code PartnershipQuiet}). */
  public record QuietFlag(String reportId, String reportedBy, Instant flaggedAt) {
    public QuietFlag {
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(reportedBy, "reportedBy");
      Objects.requireNonNull(flaggedAt, "flaggedAt");
    }
  }

  /** A member's answer to the check-in: have you connected with your partner? */
  public record CheckInAnswer(String participantId, boolean connected, Instant answeredAt) {
    public CheckInAnswer {
      Objects.requireNonNull(participantId, "participantId");
      Objects.requireNonNull(answeredAt, "answeredAt");
    }
  }

  /** The latest flagged report of this member: with it they may ask for a new partner. */
  public Optional<QuietFlag> flagReportedBy(String participantId) {
    return quietFlags.stream()
        .filter(f -> f.reportedBy().equals(participantId))
        .max(Comparator.comparing(QuietFlag::flaggedAt));
  }

  /** This member's latest report whose grace period is still running at {@code now}. */
  public Optional<Report> openReportBy(String participantId, Instant now) {
    return reports.stream()
        .filter(r -> r.reportedBy().equals(participantId))
        .filter(r -> r.answerBy().isAfter(now))
        .filter(r -> quietFlags.stream().noneMatch(f -> f.reportId().equals(r.reportId())))
        .max(Comparator.comparing(Report::answerBy));
  }

  /**
   * The silent members of a flagged report: those its reminder named, still members here, never the
   * reporter; if no reminder of it is known (or it names nobody), every member but the reporter. In
   * a pair that is always the other member; in a trio whose reminder named one member, that one
   * (the other two carry on as a pair).
   */
  public List<String> silentFor(QuietFlag flag) {
    List<String> named =
        reports.stream()
            .filter(r -> r.reportId().equals(flag.reportId()))
            .findFirst()
            .map(Report::reminded)
            .orElse(List.of())
            .stream()
            .filter(members::contains)
            .filter(m -> !m.equals(flag.reportedBy()))
            .distinct()
            .toList();
    if (!named.isEmpty()) {
      return named;
    }
    return members.stream().filter(m -> !m.equals(flag.reportedBy())).toList();
  }
}
