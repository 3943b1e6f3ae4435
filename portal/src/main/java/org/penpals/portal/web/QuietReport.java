package org.penpals.portal.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.penpals.portal.services.Matching;
import org.penpals.portal.services.Prompts;

/**
 * The "has your partner gone quiet?" section as the services tell it: the participant's latest
 * report (prompt-service) with what became of its reminder, and, once it is flagged, their request
 * for a new partner made in this partnership (matching). Each statement the page makes is one of
 * these facts; none is inferred from what the portal did.
 *
 * @param report the latest report in the current partnership, null if none
 * @param request the request for a new partner made in this partnership, null if none
 * @param reportable the prompt service still takes reports for this partnership
 */
public record QuietReport(
    Prompts.@Nullable Report report,
    Matching.@Nullable NewPartnerRequest request,
    boolean reportable) {

  private boolean is(Prompts.ReportStatus status) {
    return report != null && report.status() == status;
  }

  public boolean open() {
    return is(Prompts.ReportStatus.OPEN);
  }

  public boolean resolved() {
    return is(Prompts.ReportStatus.RESOLVED);
  }

  public boolean flagged() {
    return is(Prompts.ReportStatus.FLAGGED);
  }

  public boolean closed() {
    return is(Prompts.ReportStatus.CLOSED);
  }

  /** The form shows: no report yet, or the last one was answered. */
  public boolean canReport() {
    return reportable && (report == null || resolved());
  }

  /** The message key of what became of the reminder of an open report; null to say nothing. */
  public @Nullable String reminderKey() {
    if (!open() || report == null || report.reminder() == null) {
      return null;
    }
    Prompts.ReminderStatus status = report.reminder().status();
    return switch (status) {
      // these two name a date: without it, say nothing rather than half a sentence
      case SENT, NOT_SENT_RECENTLY -> reminderDate() == null ? null : "quiet.reminder." + status;
      case QUEUED, FAILED -> "quiet.reminder." + status;
      case UNKNOWN -> null;
    };
  }

  /** The date that reminder statement names: when it was sent, or the earlier reminder. */
  public @Nullable Instant reminderDate() {
    if (report == null || report.reminder() == null) {
      return null;
    }
    Prompts.Reminder r = report.reminder();
    return switch (r.status()) {
      case SENT -> r.sentAt();
      case NOT_SENT_RECENTLY -> r.previousReminderAt();
      case FAILED -> r.failedAt();
      case QUEUED -> r.requestedAt();
      case UNKNOWN -> null;
    };
  }

  /** Flagged, and no request for a new partner made in this partnership yet. */
  public boolean canAskForNewPartner() {
    return flagged() && request == null;
  }

  /** The message key of the request's status, once flagged; null to say nothing. */
  public @Nullable String requestKey() {
    if (!flagged() || request == null || request.status() == Matching.RequestStatus.UNKNOWN) {
      return null;
    }
    return "quiet.request." + request.status().name();
  }

  /** A coordinator's note on declining the request, if they wrote one. */
  public @Nullable String declineNote() {
    return flagged()
            && request != null
            && request.status() == Matching.RequestStatus.DECLINED
            && request.note() != null
            && !request.note().isBlank()
        ? request.note()
        : null;
  }
}
