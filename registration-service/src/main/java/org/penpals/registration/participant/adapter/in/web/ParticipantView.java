package org.penpals.registration.participant.adapter.in.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Profile;

/** An application as its owner and staff see it. */
public record ParticipantView(
    String id,
    String cycleId,
    ParticipantStatus status,
    Admission admission,
    Admission.@Nullable Reason admissionReason,
    Instant registeredAt,
    @Nullable Instant verifiedAt,
    @Nullable Instant withdrawnAt,
    @Nullable ProfileView profile) {

  public record ProfileView(
      String fullName,
      String email,
      String countryCode,
      String city,
      String organisation,
      String sector,
      String role,
      int yearsInProfession,
      List<LanguageView> languages,
      List<String> interests,
      String hopes,
      String timeZone,
      PreferencesView preferences,
      boolean returning,
      String locale) {}

  public record LanguageView(String code, boolean correspondence) {}

  public record PreferencesView(String sector, List<String> avoidCountries) {}

  static ParticipantView of(Participant p) {
    Profile profile = p.profile();
    return new ParticipantView(
        p.id(),
        p.cycleId(),
        p.status(),
        p.admission(),
        p.admissionReason(),
        p.registeredAt(),
        p.verifiedAt(),
        p.withdrawnAt(),
        profile == null ? null : profile(profile));
  }

  static ProfileView profile(Profile p) {
    return new ProfileView(
        p.fullName(),
        p.email(),
        p.countryCode(),
        p.city(),
        p.organisation(),
        p.sector().name(),
        p.role(),
        p.yearsInProfession(),
        p.languages().stream().map(l -> new LanguageView(l.code(), l.correspondence())).toList(),
        p.interests(),
        p.hopes(),
        p.timeZone(),
        new PreferencesView(p.sectorPreference().name(), p.avoidCountries()),
        p.returning(),
        p.locale());
  }
}
