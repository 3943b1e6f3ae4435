package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Profile;

/**
 * An application as its owner and staff see it.
 *
 * @param admissionReason why it waits, while waitlisted
 * @param admittedAt since when it holds a place, while admitted
 * @param admissionRoute how a waitlisted application got its place ({@code STAFF}, {@code
 *     FREED_PLACE}); null if admitted on applying, or not admitted
 */
public record ParticipantView(
    String id,
    String cycleId,
    ParticipantStatus status,
    Admission admission,
    Admission.@Nullable Reason admissionReason,
    @Schema(description = "since when it holds a place; null unless admitted")
        @Nullable Instant admittedAt,
    @Schema(
            description =
                "how a waitlisted application got its place; null if admitted on applying or not"
                    + " admitted")
        Admission.@Nullable Route admissionRoute,
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
        admittedAt(p),
        p.admission() == Admission.ADMITTED ? p.admissionRoute() : null,
        p.registeredAt(),
        p.verifiedAt(),
        p.withdrawnAt(),
        profile == null ? null : profile(profile));
  }

  /** Applications admitted on applying before admittedAt was kept have held it since then. */
  static @Nullable Instant admittedAt(Participant p) {
    if (p.admission() != Admission.ADMITTED) {
      return null;
    }
    return p.admittedAt() != null ? p.admittedAt() : p.registeredAt();
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
