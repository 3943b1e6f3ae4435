package org.penpals.matching.newpartner.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.StateConflict;

/**
 * A participant's request for a new partner after a silence they reported went unanswered for the
 * cycle's grace period (prompt-service flagged the report). One request per report: asking again
 * answers the same request. Carried out, the partnership is dissolved (reason QUIET): the silent
 * members leave it and stay in the cycle unpaired, the reporter is re-paired.
 *
 * @param reportId the flagged report the request rests on
 * @param quietMembers the silent members, who leave the partnership when it is carried out
 * @param decidedBy who approved or declined it (a staff account), null when automatic
 * @param carriedOut whether the partnership was dissolved and everyone placed (an accepted request
 *     not carried out was interrupted by a crash and is finished by a sweep)
 */
public record NewPartnerRequest(
    String requestId,
    String cycleId,
    String partnershipId,
    String participantId,
    String reportId,
    List<String> quietMembers,
    Status status,
    Instant requestedAt,
    @Nullable Instant decidedAt,
    @Nullable String decidedBy,
    @Nullable String note,
    boolean carriedOut) {

  public enum Status {
    /** Waits for a coordinator (the cycle's setting STAFF_APPROVAL). */
    AWAITING_APPROVAL,
    /** Carried out: the reporter gets a new partner. */
    ACCEPTED,
    /** A coordinator declined it: the partnership goes on. */
    DECLINED
  }

  public NewPartnerRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(reportId, "reportId");
    quietMembers = List.copyOf(quietMembers);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (quietMembers.isEmpty() || quietMembers.contains(participantId)) {
      throw new IllegalArgumentException("the quiet members are the others: " + quietMembers);
    }
    if ((status == Status.AWAITING_APPROVAL) != (decidedAt == null)) {
      throw new IllegalArgumentException("a request has a decision time once decided, only then");
    }
    if (carriedOut && status != Status.ACCEPTED) {
      throw new IllegalArgumentException("only an accepted request is carried out");
    }
  }

  /**
   * A new request of {@code participantId} on a flagged report: accepted at once ({@code
   * automatic}) or awaiting a coordinator.
   */
  public static NewPartnerRequest ask(
      String cycleId,
      String partnershipId,
      String participantId,
      String reportId,
      List<String> quietMembers,
      Instant now,
      boolean automatic) {
    return new NewPartnerRequest(
        idOf(partnershipId, reportId),
        cycleId,
        partnershipId,
        participantId,
        reportId,
        quietMembers,
        automatic ? Status.ACCEPTED : Status.AWAITING_APPROVAL,
        now,
        automatic ? now : null,
        null,
        null,
        false);
  }

  /** The request's id: one per partnership and report, so asking twice is one request. */
  public static String idOf(String partnershipId, String reportId) {
    return "np-"
        + UUID.nameUUIDFromBytes(
            (partnershipId + "\n" + reportId).getBytes(StandardCharsets.UTF_8));
  }

  public boolean awaiting() {
    return status == Status.AWAITING_APPROVAL;
  }

  public NewPartnerRequest approve(String by, @Nullable String note, Instant at) {
    return decide(Status.ACCEPTED, by, note, at);
  }

  public NewPartnerRequest decline(String by, @Nullable String note, Instant at) {
    return decide(Status.DECLINED, by, note, at);
  }

  private NewPartnerRequest decide(Status to, String by, @Nullable String note, Instant at) {
    if (!awaiting()) {
      throw new StateConflict(
          "this request was already decided (" + status + " at " + decidedAt + ")", "requestId");
    }
    return new NewPartnerRequest(
        requestId,
        cycleId,
        partnershipId,
        participantId,
        reportId,
        quietMembers,
        to,
        requestedAt,
        at,
        by,
        note,
        false);
  }
}
