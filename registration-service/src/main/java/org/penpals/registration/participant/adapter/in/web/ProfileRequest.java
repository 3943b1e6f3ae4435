package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;
import org.penpals.registration.participant.domain.Profile;
import org.penpals.registration.participant.domain.Sector;

/** A participant's edit of their application: the whole profile, without email and consent. */
@Schema(name = "ProfileUpdate")
public record ProfileRequest(
    @Nullable String fullName,
    @Nullable String countryCode,
    @Nullable String city,
    @Nullable String organisation,
    @Nullable Sector sector,
    @Nullable String role,
    @Nullable Integer yearsInProfession,
    @Nullable List<ApplicationRequest.@Nullable LanguageInput> languages,
    @Nullable List<@Nullable String> interests,
    @Nullable String hopes,
    @Nullable String timeZone,
    ApplicationRequest.@Nullable PreferencesInput preferences,
    @Nullable Boolean returning,
    @Nullable String locale) {

  Profile toProfile(String email) {
    return new ApplicationRequest(
            fullName,
            email,
            countryCode,
            city,
            organisation,
            sector,
            role,
            yearsInProfession,
            languages,
            interests,
            hopes,
            timeZone,
            preferences,
            returning,
            locale,
            null)
        .profile(new Rules(), email);
  }
}
