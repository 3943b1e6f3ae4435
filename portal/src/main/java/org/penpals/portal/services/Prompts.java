package org.penpals.portal.services;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The prompt service's participant API. */
public interface Prompts {

  /** A prompt the participant received, in their language. */
  record Received(
      int number,
      int week,
      String kind,
      String title,
      String body,
      Instant dueAt,
      Instant sentAt,
      boolean late,
      boolean answerable,
      boolean answered) {

    public boolean checkIn() {
      return "CHECK_IN".equals(kind);
    }

    public boolean survey() {
      return "MID_SURVEY".equals(kind) || finalSurvey();
    }

    public boolean finalSurvey() {
      return "FINAL_SURVEY".equals(kind);
    }

    /** A touchpoint still waiting for my answer. */
    public boolean toAnswer() {
      return answerable && !answered && (checkIn() || survey());
    }
  }

  /**
   * The partnership my prompts belong to: {@code ACTIVE}, {@code COMPLETED} (ran to the end of its
   * cycle: nothing more comes, what was sent can still be answered), {@code DISSOLVED}, or {@code
   * ENDED} (formed after the cycle's last prompt).
   */
  enum PartnershipStatus {
    ACTIVE,
    COMPLETED,
    DISSOLVED,
    ENDED,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * @param partnershipStatus null from a prompt service that does not tell it yet
   */
  record View(
      String partnershipId,
      String cycleId,
      String status,
      @Nullable PartnershipStatus partnershipStatus,
      String locale,
      int first,
      int last,
      @Nullable Received current,
      List<Received> past,
      @Nullable Integer nextNumber,
      @Nullable Instant nextDueAt) {}

  /**
   * A report of silence: {@code OPEN} (waiting for the partner to answer by {@code answerBy}),
   * {@code RESOLVED} (the partner answered or wrote), {@code FLAGGED} (nobody answered in time: the
   * reporter may ask matching for a new partner), {@code CLOSED} (the partnership ended first).
   */
  enum ReportStatus {
    OPEN,
    RESOLVED,
    FLAGGED,
    CLOSED,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * What became of the reminder a report asked for: {@code QUEUED} (asked of messaging), {@code
   * SENT}, {@code FAILED}, or {@code NOT_SENT_RECENTLY} (the partnership was reminded less than a
   * week before, at {@code previousReminderAt}).
   */
  enum ReminderStatus {
    QUEUED,
    SENT,
    FAILED,
    NOT_SENT_RECENTLY,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  record Reminder(
      ReminderStatus status,
      @Nullable Instant requestedAt,
      @Nullable Instant sentAt,
      @Nullable Instant failedAt,
      @Nullable Instant previousReminderAt) {}

  /**
   * What "my partner has gone quiet" filed, as it stands (programme time).
   *
   * @param answerBy the partner is to answer by then (the end of the cycle's grace period)
   * @param reminder null only for reports made before reminders were sent
   */
  record Report(
      String reportId,
      ReportStatus status,
      Instant reportedAt,
      Instant checkAt,
      Instant answerBy,
      @Nullable Reminder reminder) {}

  /** My prompts; empty while I have no partnership. */
  Optional<View> mine(String participantId);

  void answer(
      String participantId,
      int number,
      @Nullable Boolean connected,
      @Nullable Integer rating,
      @Nullable String comments);

  /** Files a report (an open one is answered again, nothing written). */
  Report reportQuiet(String participantId, @Nullable String note);

  /** My latest report in my current partnership; empty if I made none (or have no partnership). */
  Optional<Report> myReport(String participantId);
}
