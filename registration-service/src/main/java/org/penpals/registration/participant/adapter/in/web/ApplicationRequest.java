package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.Rules;
import org.penpals.registration.participant.application.ApplicationForm;
import org.penpals.registration.participant.domain.Consent;
import org.penpals.registration.participant.domain.Language;
import org.penpals.registration.participant.domain.Profile;
import org.penpals.registration.participant.domain.Sector;
import org.penpals.registration.participant.domain.SectorPreference;

/** The application form as JSON. Every broken rule is reported at once, by JSON path. */
@Schema(name = "Application")
public record ApplicationRequest(
    @Schema(example = "Maria Petrova") @Nullable String fullName,
    @Schema(example = "maria@library.example.bg") @Nullable String email,
    @Schema(example = "BG", description = "country of work, ISO 3166-1 alpha-2")
        @Nullable String countryCode,
    @Schema(example = "Plovdiv") @Nullable String city,
    @Schema(example = "Ivan Vazov Public Library") @Nullable String organisation,
    @Nullable Sector sector,
    @Schema(example = "Reference librarian") @Nullable String role,
    @Schema(example = "7") @Nullable Integer yearsInProfession,
    @Nullable List<@Nullable LanguageInput> languages,
    @Schema(description = "1-5 ids from GET /api/registration/taxonomy")
        @Nullable List<@Nullable String> interests,
    @Schema(description = "what you hope to gain, up to 1000 characters") @Nullable String hopes,
    @Schema(example = "Europe/Sofia", description = "IANA time zone") @Nullable String timeZone,
    @Nullable PreferencesInput preferences,
    @Nullable Boolean returning,
    @Schema(example = "en", description = "language of mail and portal: en, es, fr")
        @Nullable String locale,
    @Nullable ConsentInput consent) {

  public record LanguageInput(
      @Schema(example = "bg") @Nullable String code, @Nullable Boolean correspondence) {}

  public record PreferencesInput(
      @Nullable SectorPreference sector, @Nullable List<@Nullable String> avoidCountries) {}

  public record ConsentInput(
      @Nullable Boolean privacyNotice, @Nullable Boolean shareContactWithPartner) {}

  ApplicationForm toForm(Instant now) {
    Rules rules = new Rules();
    rules.present(consent, "consent");
    Profile profile = profile(rules, email);
    boolean privacy = consent != null && Boolean.TRUE.equals(consent.privacyNotice());
    boolean share = consent != null && Boolean.TRUE.equals(consent.shareContactWithPartner());
    if (consent != null) {
      rules.require(privacy, "consent.privacyNotice", "must be accepted to apply");
      rules.require(
          share,
          "consent.shareContactWithPartner",
          "must be accepted: partners receive each other's contact details");
    }
    rules.throwIfAny();
    return new ApplicationForm(profile, new Consent(privacy, share, now));
  }

  /** The profile, reporting missing and invalid fields into {@code rules}. */
  @SuppressWarnings("NullAway")
  Profile profile(Rules rules, @Nullable String emailToUse) {
    rules.present(yearsInProfession, "yearsInProfession");
    rules.present(returning, "returning");
    List<Language> languageList = null;
    if (languages != null) {
      languageList = new java.util.ArrayList<>();
      for (int i = 0; i < languages.size(); i++) {
        LanguageInput in = languages.get(i);
        if (in == null) {
          rules.add("languages[" + i + "]", "is required");
          continue;
        }
        rules.present(in.correspondence(), "languages[" + i + "].correspondence");
        languageList.add(
            new Language(in.code(), in.correspondence() != null && in.correspondence()));
      }
    }
    try {
      Profile profile =
          new Profile(
              fullName,
              emailToUse,
              countryCode,
              city,
              organisation,
              sector,
              role,
              yearsInProfession == null ? 0 : yearsInProfession,
              languageList,
              interests,
              hopes,
              timeZone,
              preferences == null ? null : preferences.sector(),
              preferences == null ? null : preferences.avoidCountries(),
              returning != null && returning,
              locale);
      rules.throwIfAny();
      return profile;
    } catch (InvalidInput e) {
      e.violations().forEach(v -> rules.add(v.field(), v.message()));
      rules.throwIfAny();
      throw e;
    }
  }
}
