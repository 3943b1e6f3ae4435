package org.penpals.contracts.registration;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Someone applied to a cycle. Type {@code org.penpals.registration.participant.registered.v1}. The
 * email is not yet verified; {@link ParticipantEmailVerified} follows when it is.
 *
 * @param participantId the application's id, stable for the cycle
 * @param cycleId the cycle applied to
 * @param personKey pseudonymous key of the person across cycles (keyed hash of the email), so that
 *     earlier partnerships can be recognised without sharing the email
 * @param revision 1 for the registration; later events about the participant count up
 * @param profile the application
 * @param admission whether the application took a place or was waitlisted
 * @param admissionReason why it was waitlisted ({@code CAPACITY} or {@code COUNTRY_CAP}), else null
 */
public record ParticipantRegistered(
    String participantId,
    String cycleId,
    String personKey,
    long revision,
    ParticipantProfile profile,
    Admission admission,
    @Nullable String admissionReason) {

  public ParticipantRegistered {
    Contract.text(participantId, "participantId");
    Contract.text(cycleId, "cycleId");
    Contract.text(personKey, "personKey");
    Contract.revision(revision);
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(admission, "admission");
  }
}
