package org.penpals.messaging.directory.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.penpals.messaging.directory.domain.Cycle;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.directory.domain.Recipient;

/**
 * This service's copies of what other services own: participants' contact details and standing
 * (registration, matching), partnerships (matching, prompt plans) and cycles (registration). Single
 * documents are read by {@code _id}; only the rare cycle-wide questions read more.
 */
public interface Directory {
  Optional<Recipient> recipient(String participantId);

  /**
   * Keeps the recipient's contact details unless a copy of the same or a newer revision is already
   * kept; raises its standing facts (never lowers them).
   *
   * @return whether it was stored
   */
  boolean save(Recipient recipient);

  /**
   * The participant confirmed their email. Kept even while their details have not arrived (the
   * topics are not ordered with each other), so the news it releases goes out when they do.
   *
   * @return the copy as now kept; empty if the participant is not known (yet) or was erased
   */
  Optional<Recipient> verified(String participantId);

  /**
   * A waitlisted applicant was given a place. Kept even while their details have not arrived.
   *
   * @return the copy as now kept; empty if the participant is not known (yet) or was erased
   */
  Optional<Recipient> admitted(String participantId, Instant at);

  /**
   * Matching found nobody for the participant when it published a run. Kept even while their
   * details have not arrived.
   *
   * @return the copy as now kept; empty if the participant is not known (yet) or was erased
   */
  Optional<Recipient> waitlistedByMatching(String participantId);

  /** Whether the participant's data was erased (a tombstone is kept). */
  boolean erased(String participantId);

  /** Deletes the participant's personal data; returns the partnerships they were in. */
  List<String> erase(String participantId);

  Optional<Partnership> partnership(String partnershipId);

  /**
   * Records a formed partnership (its members are verified: matching pairs only them); returns it
   * with what else is known (the plan).
   */
  Partnership formed(String partnershipId, String cycleId, List<String> members);

  /** Records a partnership's prompt plan; returns it with what else is known (the members). */
  Partnership planned(
      String partnershipId, String cycleId, Prompt first, Map<String, Instant> firstDue);

  void dissolved(String partnershipId, String cycleId);

  /** The partnership ran to the end of its cycle. */
  void completed(String partnershipId, String cycleId, Instant at);

  /** The partnerships a participant was or is in, in the order they were formed. */
  List<String> partnershipsOf(String participantId);

  /** Keeps a cycle's name and status; a completed or archived cycle never moves back. */
  void cycle(Cycle cycle);

  Optional<Cycle> cycle(String cycleId);

  /** Every participant of a cycle whose details are kept (not erased). Cycle-wide: rare. */
  List<Recipient> recipientsOf(String cycleId);

  /** Every partnership of a cycle this service knows. Cycle-wide: rare. */
  List<Partnership> partnershipsIn(String cycleId);
}
