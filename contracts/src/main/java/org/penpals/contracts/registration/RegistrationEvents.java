package org.penpals.contracts.registration;

import java.util.List;
import org.penpals.contracts.EventType;
import org.penpals.contracts.Topics;

/** The event types registration-service publishes. */
public final class RegistrationEvents {
  private static final String CYCLES = Topics.REGISTRATION_CYCLES;
  private static final String PARTICIPANTS = Topics.REGISTRATION_PARTICIPANTS;
  private static final String SIGN_IN_LINKS = Topics.REGISTRATION_SIGN_IN_LINKS;

  public static final EventType<CycleDrafted> CYCLE_DRAFTED =
      new EventType<>(
          "org.penpals.registration.cycle.drafted.v1",
          CYCLES,
          CycleDrafted.class,
          CycleDrafted::cycleId);
  public static final EventType<CycleUpdated> CYCLE_UPDATED =
      new EventType<>(
          "org.penpals.registration.cycle.updated.v1",
          CYCLES,
          CycleUpdated.class,
          CycleUpdated::cycleId);
  public static final EventType<CycleRegistrationOpened> CYCLE_OPENED =
      new EventType<>(
          "org.penpals.registration.cycle.opened.v1",
          CYCLES,
          CycleRegistrationOpened.class,
          CycleRegistrationOpened::cycleId);
  public static final EventType<CycleRegistrationClosed> CYCLE_CLOSED =
      new EventType<>(
          "org.penpals.registration.cycle.closed.v1",
          CYCLES,
          CycleRegistrationClosed.class,
          CycleRegistrationClosed::cycleId);

  public static final EventType<CycleRunning> CYCLE_RUNNING =
      new EventType<>(
          "org.penpals.registration.cycle.running.v1",
          CYCLES,
          CycleRunning.class,
          CycleRunning::cycleId);
  public static final EventType<CycleCompleted> CYCLE_COMPLETED =
      new EventType<>(
          "org.penpals.registration.cycle.completed.v1",
          CYCLES,
          CycleCompleted.class,
          CycleCompleted::cycleId);
  public static final EventType<CycleArchived> CYCLE_ARCHIVED =
      new EventType<>(
          "org.penpals.registration.cycle.archived.v1",
          CYCLES,
          CycleArchived.class,
          CycleArchived::cycleId);

  public static final EventType<ParticipantRegistered> PARTICIPANT_REGISTERED =
      new EventType<>(
          "org.penpals.registration.participant.registered.v1",
          PARTICIPANTS,
          ParticipantRegistered.class,
          ParticipantRegistered::participantId);
  public static final EventType<ParticipantVerificationRequested> VERIFICATION_REQUESTED =
      new EventType<>(
          "org.penpals.registration.participant.verification-requested.v1",
          PARTICIPANTS,
          ParticipantVerificationRequested.class,
          ParticipantVerificationRequested::participantId);
  public static final EventType<ParticipantEmailVerified> EMAIL_VERIFIED =
      new EventType<>(
          "org.penpals.registration.participant.email-verified.v1",
          PARTICIPANTS,
          ParticipantEmailVerified.class,
          ParticipantEmailVerified::participantId);
  public static final EventType<ParticipantProfileUpdated> PROFILE_UPDATED =
      new EventType<>(
          "org.penpals.registration.participant.profile-updated.v1",
          PARTICIPANTS,
          ParticipantProfileUpdated.class,
          ParticipantProfileUpdated::participantId);
  public static final EventType<ParticipantAdmitted> PARTICIPANT_ADMITTED =
      new EventType<>(
          "org.penpals.registration.participant.admitted.v1",
          PARTICIPANTS,
          ParticipantAdmitted.class,
          ParticipantAdmitted::participantId);
  public static final EventType<ParticipantWithdrawn> PARTICIPANT_WITHDRAWN =
      new EventType<>(
          "org.penpals.registration.participant.withdrawn.v1",
          PARTICIPANTS,
          ParticipantWithdrawn.class,
          ParticipantWithdrawn::participantId);
  public static final EventType<ParticipantErased> PARTICIPANT_ERASED =
      new EventType<>(
          "org.penpals.registration.participant.erased.v1",
          PARTICIPANTS,
          ParticipantErased.class,
          ParticipantErased::participantId);

  /**
   * On its own topic, so the secret token reaches only the consumer that mails it (not every
   * follower of the participants topic).
   */
  public static final EventType<SignInLinkRequested> SIGN_IN_LINK_REQUESTED =
      new EventType<>(
          "org.penpals.registration.participant.sign-in-link-requested.v1",
          SIGN_IN_LINKS,
          SignInLinkRequested.class,
          SignInLinkRequested::participantId);

  public static final List<EventType<?>> ALL =
      List.of(
          CYCLE_DRAFTED,
          CYCLE_UPDATED,
          CYCLE_OPENED,
          CYCLE_CLOSED,
          CYCLE_RUNNING,
          CYCLE_COMPLETED,
          CYCLE_ARCHIVED,
          PARTICIPANT_REGISTERED,
          VERIFICATION_REQUESTED,
          EMAIL_VERIFIED,
          PROFILE_UPDATED,
          PARTICIPANT_ADMITTED,
          PARTICIPANT_WITHDRAWN,
          PARTICIPANT_ERASED,
          SIGN_IN_LINK_REQUESTED);

  private RegistrationEvents() {}
}
