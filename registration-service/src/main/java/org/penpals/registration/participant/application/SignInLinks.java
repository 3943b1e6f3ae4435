package org.penpals.registration.participant.application;

import java.time.Instant;
import java.util.Optional;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.SignInLink;

/** Where sign-in links and the per-email request counts live. */
public interface SignInLinks {

  /**
   * Counts one more link request for a person in the window ending at {@code windowEnd}.
   *
   * @param personKey the keyed hash of the email (never the email itself)
   * @param windowId identifies the window (e.g. its start)
   * @return the requests in this window, this one included
   */
  long countRequest(String personKey, String windowId, Instant windowEnd);

  /**
   * Stores the link and, in the same single-document write, the event that mails its token to the
   * participant (outbox).
   */
  void issue(SignInLink link, Participant participant, String token);

  /**
   * Takes the link away, atomically: of two concurrent redemptions at most one gets it.
   *
   * @return the link if it existed and nobody had used it
   */
  Optional<SignInLink> consume(String tokenHash);

  /** Forgets links and request counts that expired before {@code now}; returns how many. */
  long purgeExpired(Instant now);
}
