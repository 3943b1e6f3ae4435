package org.penpals.prompt.partnership.application;

import java.util.List;

/** Which partnerships each participant is in, and who erased their data. */
public interface Participants {
  /** Adds a partnership to the participant; returns whether the participant erased their data. */
  boolean join(String participantId, String partnershipId);

  /** Marks the participant erased (for good); returns their partnerships. */
  List<String> erase(String participantId);

  /** The participant's partnerships, oldest first. */
  List<String> partnershipsOf(String participantId);
}
