package org.penpals.gateway.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The prompt service's quiet partnerships and matching's new-partner requests (ADR 0012 §3) in
 * words for coordinators: who reported whom, what the reminder did, and how it ended. Dates from
 * the prompt service are programme time.
 */
public final class QuietReports {
  private QuietReports() {}

  /** A report's outcome so far. */
  enum ReportStatus {
    OPEN,
    RESOLVED,
    FLAGGED,
    CLOSED;

    static @Nullable ReportStatus of(String s) {
      return parse(ReportStatus.class, s);
    }
  }

  /** What became of the reminder a report asked for. */
  enum ReminderStatus {
    QUEUED,
    SENT,
    FAILED,
    NOT_SENT_RECENTLY;

    static @Nullable ReminderStatus of(String s) {
      return parse(ReminderStatus.class, s);
    }
  }

  /** Why a partnership was flagged quiet. */
  enum QuietReason {
    NO_CHECK_IN,
    REPORTED;

    static @Nullable QuietReason of(String s) {
      return parse(QuietReason.class, s);
    }
  }

  /** A request for a new partner after an unanswered report. */
  enum RequestStatus {
    AWAITING_APPROVAL("Awaiting approval"),
    ACCEPTED("Accepted"),
    DECLINED("Declined");

    private final String label;

    RequestStatus(String label) {
      this.label = label;
    }

    static @Nullable RequestStatus of(String s) {
      return parse(RequestStatus.class, s);
    }

    String label() {
      return label;
    }
  }

  /** One quiet partnership, with its flags and reports in words. */
  public record Partnership(
      String partnershipId,
      String status,
      List<String> members,
      List<String> flags,
      List<Report> reports) {}

  /**
   * One report of silence.
   *
   * @param outcomeKind {@code open}, {@code resolved}, {@code flagged} or {@code closed}, for
   *     styling
   */
  public record Report(
      String reportId,
      String reporter,
      String reportedAt,
      @Nullable String note,
      String reminder,
      String outcome,
      String outcomeKind) {}

  /** One new-partner request; {@code decidable} while it awaits a coordinator. */
  public record Request(
      String requestId,
      String participantId,
      String fullName,
      List<String> quietMembers,
      String status,
      boolean decidable,
      String requestedAt,
      String decided,
      @Nullable String note) {}

  static Partnership partnership(JsonNode quiet, Map<String, String> names, Words words) {
    List<String> members = new ArrayList<>();
    for (JsonNode m : quiet.path("members")) {
      members.add(name(names, m.asString("")));
    }
    List<String> flags = new ArrayList<>();
    for (JsonNode f : quiet.path("flags")) {
      QuietReason reason = QuietReason.of(f.path("reason").asString(""));
      String when = when(words, f, "flaggedAt");
      flags.add(
          reason == QuietReason.NO_CHECK_IN
              ? "Nobody answered the week-3 check-in (flagged " + when + ")"
              : reason == QuietReason.REPORTED
                  ? "A reported silence went unanswered (flagged " + when + ")"
                  : Words.constant(f.path("reason").asString("")) + " (flagged " + when + ")");
    }
    List<Report> reports = new ArrayList<>();
    for (JsonNode r : quiet.path("reports")) {
      reports.add(report(r, names, words));
    }
    return new Partnership(
        quiet.path("partnershipId").asString(""),
        Words.constant(quiet.path("status").asString("")),
        members,
        flags,
        reports);
  }

  static Report report(JsonNode r, Map<String, String> names, Words words) {
    String note = r.path("note").isString() ? r.path("note").asString() : null;
    return new Report(
        r.path("reportId").asString(""),
        name(names, r.path("by").asString("")),
        when(words, r, "reportedAt"),
        note == null || note.isBlank() ? null : note,
        reminder(r.path("reminder"), names, words),
        outcome(r, words),
        outcomeKind(r));
  }

  /** "sent 8 Apr 2027, 10:00 UTC to Ivan Petrov", "not sent: reminded on …", … */
  static String reminder(JsonNode m, Map<String, String> names, Words words) {
    if (m.isMissingNode() || m.isNull()) {
      return "none (reported before reminders were sent)";
    }
    List<String> reminded = new ArrayList<>();
    for (JsonNode id : m.path("reminded")) {
      reminded.add(name(names, id.asString("")));
    }
    String to = reminded.isEmpty() ? "" : " to " + String.join(", ", reminded);
    ReminderStatus status = ReminderStatus.of(m.path("status").asString(""));
    if (status == null) {
      return Words.constant(m.path("status").asString(""));
    }
    return switch (status) {
      case QUEUED -> "on its way" + to + " (asked " + when(words, m, "requestedAt") + ")";
      case SENT -> "sent " + when(words, m, "sentAt") + to;
      case FAILED -> "failed " + when(words, m, "failedAt") + to + failure(m);
      case NOT_SENT_RECENTLY ->
          "not sent: reminded on " + when(words, m, "previousReminderAt") + " (at most one a week)";
    };
  }

  /** "open until …", "resolved …", "flagged …", "closed …". */
  static String outcome(JsonNode r, Words words) {
    ReportStatus status = ReportStatus.of(r.path("status").asString(""));
    String answerBy = when(words, r, "answerBy");
    String resolved = when(words, r, "resolvedAt");
    if (status == null) {
      return Words.constant(r.path("status").asString(""));
    }
    return switch (status) {
      case OPEN -> "open until " + answerBy;
      case RESOLVED -> "resolved " + resolved + ": the partner answered or wrote";
      case FLAGGED ->
          "flagged " + resolved + ": no answer by " + answerBy + "; may ask for a new partner";
      case CLOSED -> "closed " + resolved + ": the partnership ended";
    };
  }

  static String outcomeKind(JsonNode r) {
    ReportStatus status = ReportStatus.of(r.path("status").asString(""));
    return status == null ? "" : status.name().toLowerCase(Locale.ROOT);
  }

  static Request request(JsonNode q, Map<String, String> staffNames, Words words) {
    List<String> quiet = new ArrayList<>();
    for (JsonNode m : q.path("quietMembers")) {
      quiet.add(m.path("fullName").asString(m.path("participantId").asString("")));
    }
    RequestStatus status = RequestStatus.of(q.path("status").asString(""));
    String decidedBy = q.path("decidedBy").asString("");
    String decided =
        q.path("decidedAt").isNull() || q.path("decidedAt").isMissingNode()
            ? ""
            : words.when(q.path("decidedAt").asString(""))
                + (decidedBy.isEmpty()
                    ? ""
                    : " by " + staffNames.getOrDefault(decidedBy, decidedBy));
    String note = q.path("note").isString() ? q.path("note").asString() : null;
    return new Request(
        q.path("requestId").asString(""),
        q.path("participantId").asString(""),
        q.path("fullName").asString(q.path("participantId").asString("")),
        quiet,
        status == null ? Words.constant(q.path("status").asString("")) : status.label(),
        status == RequestStatus.AWAITING_APPROVAL,
        words.when(q.path("requestedAt").asString("")),
        decided,
        note == null || note.isBlank() ? null : note);
  }

  private static String failure(JsonNode m) {
    for (JsonNode mail : m.path("mails")) {
      String reason = mail.path("reason").asString("");
      if (!reason.isBlank()) {
        return " (" + reason + ")";
      }
    }
    return "";
  }

  private static String when(Words words, JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isString() ? words.when(v.asString()) : "—";
  }

  private static String name(Map<String, String> names, String id) {
    return names.getOrDefault(id, id);
  }

  private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
