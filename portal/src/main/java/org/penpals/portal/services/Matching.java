package org.penpals.portal.services;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The matching service's participant API: asking for a new partner after a silence. */
public interface Matching {

  /**
   * {@code AWAITING_APPROVAL} (a coordinator decides), {@code ACCEPTED} (carried out: the
   * partnership ends and a new partner is sought), {@code DECLINED} (the partnership goes on).
   */
  enum RequestStatus {
    AWAITING_APPROVAL,
    ACCEPTED,
    DECLINED,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * A request for a new partner, as its participant sees it (matching's clock: real time).
   *
   * @param note the coordinator's note on their decision
   */
  record NewPartnerRequest(
      String requestId,
      RequestStatus status,
      Instant requestedAt,
      @Nullable Instant decidedAt,
      @Nullable String note) {}

  /**
   * Asks for a new partner (201 new, 200 the request made before). A {@link ServiceProblem}: 404
   * without an active partnership, 409 before the grace period is over, without an unanswered
   * report, or once the cycle has ended (its detail says which).
   */
  NewPartnerRequest askForNewPartner(String participantId);

  /** My latest request, whatever partnership it was made in; empty if I never asked. */
  Optional<NewPartnerRequest> newPartnerRequest(String participantId);
}
