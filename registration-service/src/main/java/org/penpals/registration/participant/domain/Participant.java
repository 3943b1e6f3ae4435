package org.penpals.registration.participant.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;

/**
 * An application to a cycle, and the participant it becomes. Every change bumps {@code revision}
 * and returns the events it owes.
 *
 * @param personKey pseudonymous key of the person across cycles (keyed hash of the email)
 * @param profile null once erased
 * @param admissionReason why the application waits, while waitlisted
 * @param admittedAt since when the application holds a place, while admitted
 * @param admissionRoute how a waitlisted application got its place (null: admitted on applying)
 */
public record Participant(
    String id,
    String cycleId,
    @Nullable String personKey,
    @Nullable Profile profile,
    @Nullable Consent consent,
    ParticipantStatus status,
    Admission admission,
    Admission.@Nullable Reason admissionReason,
    @Nullable Instant admittedAt,
    Admission.@Nullable Route admissionRoute,
    long revision,
    Instant registeredAt,
    @Nullable Verification verification,
    @Nullable Instant verifiedAt,
    @Nullable Instant withdrawnAt,
    @Nullable String withdrawalReason,
    @Nullable Instant erasedAt,
    @Nullable String importId) {

  public Participant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(admission, "admission");
  }

  /** The participant after a change, with the events it owes, in order. */
  public record Changed(Participant participant, List<ParticipantEvent> events) {}

  /** A new application: pending verification, with the verification the applicant must confirm. */
  public static Changed register(
      String id,
      String cycleId,
      String personKey,
      Profile profile,
      Consent consent,
      Admission admission,
      Admission.@Nullable Reason reason,
      String verificationToken,
      Verification verification,
      Instant now,
      @Nullable String importId) {
    if (!consent.privacyNotice()) {
      throw InvalidInput.of("consent.privacyNotice", "must be accepted to apply");
    }
    if (!consent.shareContactWithPartner()) {
      throw InvalidInput.of(
          "consent.shareContactWithPartner",
          "must be accepted: partners receive each other's contact details");
    }
    Participant participant =
        new Participant(
            id,
            cycleId,
            personKey,
            profile,
            consent,
            ParticipantStatus.PENDING_VERIFICATION,
            admission,
            reason,
            admission == Admission.ADMITTED ? now : null,
            null,
            1,
            now,
            verification,
            null,
            null,
            null,
            null,
            importId);
    return new Changed(
        participant,
        List.of(
            new ParticipantEvent.Registered(participant),
            new ParticipantEvent.VerificationRequested(
                participant, verificationToken, verification.expiresAt())));
  }

  /** Confirms the email with a token whose hash matched; fails if expired or not pending. */
  public Changed verify(Instant now) {
    if (status != ParticipantStatus.PENDING_VERIFICATION
        || verification == null
        || !now.isBefore(verification.expiresAt())) {
      throw InvalidInput.of("token", "is invalid or has expired");
    }
    Participant verified =
        new Participant(
            id,
            cycleId,
            personKey,
            profile,
            consent,
            ParticipantStatus.VERIFIED,
            admission,
            admissionReason,
            admittedAt,
            admissionRoute,
            revision + 1,
            registeredAt,
            null,
            now,
            withdrawnAt,
            withdrawalReason,
            erasedAt,
            importId);
    return new Changed(verified, List.of(new ParticipantEvent.EmailVerified(verified)));
  }

  /** A new verification for an applicant who lost the first mail. */
  public Changed renewVerification(String token, Verification renewed) {
    if (status != ParticipantStatus.PENDING_VERIFICATION) {
      throw new StateConflict("the email is already verified");
    }
    Participant next =
        new Participant(
            id,
            cycleId,
            personKey,
            profile,
            consent,
            status,
            admission,
            admissionReason,
            admittedAt,
            admissionRoute,
            revision + 1,
            registeredAt,
            renewed,
            verifiedAt,
            withdrawnAt,
            withdrawalReason,
            erasedAt,
            importId);
    return new Changed(
        next,
        List.of(new ParticipantEvent.VerificationRequested(next, token, renewed.expiresAt())));
  }

  /**
   * Edits the profile (the email stays: it is the identity that was verified). A new country may
   * change the admission (a place under that country's cap, or a wait for one).
   *
   * @param editable whether the cycle still allows edits (before matching)
   */
  public Changed update(
      Profile newProfile,
      Admission newAdmission,
      Admission.@Nullable Reason newReason,
      boolean editable,
      Instant now) {
    requireActive();
    if (!editable) {
      throw new StateConflict("applications can no longer be edited: matching has started");
    }
    Participant next =
        new Participant(
            id,
            cycleId,
            personKey,
            newProfile,
            consent,
            status,
            newAdmission,
            newReason,
            newAdmission == admission
                ? admittedAt
                : newAdmission == Admission.ADMITTED ? now : null,
            newAdmission == admission ? admissionRoute : null,
            revision + 1,
            registeredAt,
            verification,
            verifiedAt,
            withdrawnAt,
            withdrawalReason,
            erasedAt,
            importId);
    return new Changed(next, List.of(new ParticipantEvent.ProfileUpdated(next)));
  }

  public Changed withdraw(@Nullable String reason, Instant now) {
    requireActive();
    Participant next =
        new Participant(
            id,
            cycleId,
            personKey,
            profile,
            consent,
            ParticipantStatus.WITHDRAWN,
            admission,
            admissionReason,
            admittedAt,
            admissionRoute,
            revision + 1,
            registeredAt,
            null,
            verifiedAt,
            now,
            reason,
            erasedAt,
            importId);
    return new Changed(next, List.of(new ParticipantEvent.Withdrawn(next)));
  }

  /**
   * Removes every personal field. What stays: ids, status, dates, country and sector (for the
   * programme's anonymous figures).
   */
  public Changed erase(Instant now) {
    if (status == ParticipantStatus.ERASED) {
      throw new StateConflict("already erased");
    }
    Participant next =
        new Participant(
            id,
            cycleId,
            null,
            null,
            null,
            ParticipantStatus.ERASED,
            admission,
            admissionReason,
            admittedAt,
            admissionRoute,
            revision + 1,
            registeredAt,
            null,
            verifiedAt,
            withdrawnAt,
            null,
            now,
            importId);
    return new Changed(next, List.of(new ParticipantEvent.Erased(next)));
  }

  /**
   * A waitlisted application gets a place: staff admitted it, or a place freed while registration
   * was open and it was next in line.
   */
  public Changed admit(Admission.Route route, Instant now) {
    requireActive();
    if (admission != Admission.WAITLISTED) {
      throw new StateConflict("this application is not waitlisted (it is " + admission + ")");
    }
    Participant next =
        new Participant(
            id,
            cycleId,
            personKey,
            profile,
            consent,
            status,
            Admission.ADMITTED,
            null,
            now,
            route,
            revision + 1,
            registeredAt,
            verification,
            verifiedAt,
            withdrawnAt,
            withdrawalReason,
            erasedAt,
            importId);
    return new Changed(next, List.of(new ParticipantEvent.Admitted(next)));
  }

  /** Still in the cycle: neither withdrawn nor erased. */
  public boolean active() {
    return status == ParticipantStatus.PENDING_VERIFICATION || status == ParticipantStatus.VERIFIED;
  }

  /** Waits for a place and is still in the cycle. */
  public boolean waitlisted() {
    return admission == Admission.WAITLISTED && active();
  }

  /** Holds a place in the cycle (counts against capacity). */
  public boolean holdsPlace() {
    return admission == Admission.ADMITTED && active();
  }

  private void requireActive() {
    if (status == ParticipantStatus.WITHDRAWN || status == ParticipantStatus.ERASED) {
      throw new StateConflict("this application was " + status.name().toLowerCase());
    }
  }
}
