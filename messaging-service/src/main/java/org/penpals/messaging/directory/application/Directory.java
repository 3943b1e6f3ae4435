package org.penpals.messaging.directory.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.directory.domain.Recipient;

/**
 * This service's copies of what other services own: participants' contact details (registration)
 * and partnerships (matching, prompt plans). Documents are keyed by their ids, so every look-up is
 * by {@code _id}.
 */
public interface Directory {
  Optional<Recipient> recipient(String participantId);

  /**
   * Keeps the recipient unless a copy of the same or a newer revision is already kept.
   *
   * @return whether it was stored
   */
  boolean save(Recipient recipient);

  /** Whether the participant's data was erased (a tombstone is kept). */
  boolean erased(String participantId);

  /** Deletes the participant's personal data; returns the partnerships they were in. */
  List<String> erase(String participantId);

  Optional<Partnership> partnership(String partnershipId);

  /** Records a formed partnership; returns it with what else is known (the plan). */
  Partnership formed(String partnershipId, String cycleId, List<String> members);

  /** Records a partnership's prompt plan; returns it with what else is known (the members). */
  Partnership planned(
      String partnershipId, String cycleId, Prompt first, Map<String, Instant> firstDue);

  void dissolved(String partnershipId, String cycleId);

  /** The partnerships a participant was or is in, newest last. */
  List<String> partnershipsOf(String participantId);
}
