package org.penpals.registration.participant.domain;

import java.time.Instant;

/**
 * Domain events of a participant; each carries the participant as it is after the change. The
 * outbox adapter maps them to integration events.
 */
public sealed interface ParticipantEvent {
  Participant participant();

  record Registered(Participant participant) implements ParticipantEvent {}

  /** The raw token travels only in this event, to the mailer; the store keeps its hash. */
  record VerificationRequested(Participant participant, String token, Instant expiresAt)
      implements ParticipantEvent {}

  record EmailVerified(Participant participant) implements ParticipantEvent {}

  record ProfileUpdated(Participant participant) implements ParticipantEvent {}

  /** A waitlisted application got a place ({@link Participant#admissionRoute()} says how). */
  record Admitted(Participant participant) implements ParticipantEvent {}

  record Withdrawn(Participant participant) implements ParticipantEvent {}

  record Erased(Participant participant) implements ParticipantEvent {}
}
