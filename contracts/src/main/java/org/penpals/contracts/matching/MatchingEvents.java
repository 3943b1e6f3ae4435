package org.penpals.contracts.matching;

import java.util.List;
import org.penpals.contracts.EventType;
import org.penpals.contracts.Topics;

/** The event types matching-service publishes. */
public final class MatchingEvents {
  public static final EventType<PartnershipFormed> PARTNERSHIP_FORMED =
      new EventType<>(
          "org.penpals.matching.partnership.formed.v1",
          Topics.MATCHING_PARTNERSHIPS,
          PartnershipFormed.class,
          PartnershipFormed::partnershipId);
  public static final EventType<PartnershipDissolved> PARTNERSHIP_DISSOLVED =
      new EventType<>(
          "org.penpals.matching.partnership.dissolved.v1",
          Topics.MATCHING_PARTNERSHIPS,
          PartnershipDissolved.class,
          PartnershipDissolved::partnershipId);
  public static final EventType<PartnershipCompleted> PARTNERSHIP_COMPLETED =
      new EventType<>(
          "org.penpals.matching.partnership.completed.v1",
          Topics.MATCHING_PARTNERSHIPS,
          PartnershipCompleted.class,
          PartnershipCompleted::partnershipId);
  public static final EventType<ParticipantWaitlisted> PARTICIPANT_WAITLISTED =
      new EventType<>(
          "org.penpals.matching.participant.waitlisted.v1",
          Topics.MATCHING_PARTICIPANTS,
          ParticipantWaitlisted.class,
          ParticipantWaitlisted::participantId);
  public static final EventType<MatchingRunCompleted> RUN_COMPLETED =
      new EventType<>(
          "org.penpals.matching.run.completed.v1",
          Topics.MATCHING_RUNS,
          MatchingRunCompleted.class,
          MatchingRunCompleted::cycleId);
  public static final EventType<MatchesPublished> MATCHES_PUBLISHED =
      new EventType<>(
          "org.penpals.matching.cycle.published.v1",
          Topics.MATCHING_RUNS,
          MatchesPublished.class,
          MatchesPublished::cycleId);

  public static final List<EventType<?>> ALL =
      List.of(
          PARTNERSHIP_FORMED,
          PARTNERSHIP_DISSOLVED,
          PARTNERSHIP_COMPLETED,
          PARTICIPANT_WAITLISTED,
          RUN_COMPLETED,
          MATCHES_PUBLISHED);

  private MatchingEvents() {}
}
