package org.penpals.matching.newpartner.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.penpals.matching.newpartner.domain.NewPartnerRequest;

/** Requests for a new partner, kept per request. */
public interface NewPartnerRequests {
  /** Stores a new request; false if one with its id exists (the same report asked twice). */
  boolean insert(NewPartnerRequest request);

  Optional<NewPartnerRequest> find(String requestId);

  /** The participant's most recent request. */
  Optional<NewPartnerRequest> latestOf(String participantId);

  /** The cycle's requests, oldest first. */
  List<NewPartnerRequest> ofCycle(String cycleId);

  /** Records a decision if the request is still awaiting one; false if it was decided already. */
  boolean decide(NewPartnerRequest decided);

  /** Marks an accepted request carried out. */
  void carriedOut(String requestId);

  /**
   * Accepted requests not carried out, decided before {@code before} (a crash interrupted them).
   */
  List<NewPartnerRequest> notCarriedOut(Instant before);
}
