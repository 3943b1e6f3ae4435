package org.penpals.registration.participant.adapter.out.mongo;

import java.util.List;
import org.penpals.contracts.registration.Admission;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.LibrarySector;
import org.penpals.contracts.registration.ParticipantAdmitted;
import org.penpals.contracts.registration.ParticipantEmailVerified;
import org.penpals.contracts.registration.ParticipantErased;
import org.penpals.contracts.registration.ParticipantProfile;
import org.penpals.contracts.registration.ParticipantProfileUpdated;
import org.penpals.contracts.registration.ParticipantRegistered;
import org.penpals.contracts.registration.ParticipantVerificationRequested;
import org.penpals.contracts.registration.ParticipantWithdrawn;
import org.penpals.contracts.registration.PartnerPreferences;
import org.penpals.contracts.registration.SectorPreference;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantEvent;
import org.penpals.registration.participant.domain.Profile;

/** Maps participant domain events to the published contract, explicitly, field by field. */
final class IntegrationEvents {
  private IntegrationEvents() {}

  static List<Object> of(List<ParticipantEvent> events) {
    return events.stream().map(IntegrationEvents::of).toList();
  }

  static Object of(ParticipantEvent event) {
    Participant p = event.participant();
    if (event instanceof ParticipantEvent.Registered) {
      return new ParticipantRegistered(
          p.id(),
          p.cycleId(),
          required(p.personKey()),
          p.revision(),
          profile(required(p.profile())),
          Admission.valueOf(p.admission().name()),
          p.admissionReason() == null ? null : p.admissionReason().name());
    }
    if (event instanceof ParticipantEvent.VerificationRequested requested) {
      Profile profile = required(p.profile());
      return new ParticipantVerificationRequested(
          p.id(),
          p.cycleId(),
          profile.email(),
          profile.fullName(),
          profile.locale(),
          requested.token(),
          requested.expiresAt());
    }
    if (event instanceof ParticipantEvent.EmailVerified) {
      return new ParticipantEmailVerified(
          p.id(), p.cycleId(), p.revision(), required(p.verifiedAt()));
    }
    if (event instanceof ParticipantEvent.ProfileUpdated) {
      return new ParticipantProfileUpdated(
          p.id(), p.cycleId(), p.revision(), profile(required(p.profile())));
    }
    if (event instanceof ParticipantEvent.Admitted) {
      return new ParticipantAdmitted(
          p.id(),
          p.cycleId(),
          p.revision(),
          AdmissionRoute.valueOf(required(p.admissionRoute()).name()),
          required(p.admittedAt()));
    }
    if (event instanceof ParticipantEvent.Withdrawn) {
      return new ParticipantWithdrawn(
          p.id(), p.cycleId(), p.revision(), required(p.withdrawnAt()), p.withdrawalReason());
    }
    if (event instanceof ParticipantEvent.Erased) {
      return new ParticipantErased(p.id(), p.cycleId(), p.revision(), required(p.erasedAt()));
    }
    throw new IllegalArgumentException("unmapped event " + event.getClass().getSimpleName());
  }

  static ParticipantProfile profile(Profile p) {
    return new ParticipantProfile(
        p.fullName(),
        p.email(),
        p.countryCode(),
        p.city(),
        p.organisation(),
        LibrarySector.valueOf(p.sector().name()),
        p.role(),
        p.yearsInProfession(),
        p.languages().stream().map(l -> new LanguageSkill(l.code(), l.correspondence())).toList(),
        p.interests(),
        p.hopes(),
        p.timeZone(),
        new PartnerPreferences(
            SectorPreference.valueOf(p.sectorPreference().name()), p.avoidCountries()),
        p.returning(),
        p.locale());
  }

  private static <T> T required(T value) {
    if (value == null) {
      throw new IllegalStateException("event needs a value the participant does not have");
    }
    return value;
  }
}
