package org.penpals.contracts.registration;

import java.util.List;
import java.util.Objects;

/**
 * An applicant's profile as given on the application form. Personal data: every consumer that keeps
 * a copy must delete it on {@link ParticipantErased}.
 *
 * @param fullName name as it should appear to the partner
 * @param email verified or to-be-verified address, lower case
 * @param countryCode country of work, ISO 3166-1 alpha-2
 * @param city city of work
 * @param organisation library or organisation
 * @param sector library sector
 * @param role job title or role
 * @param yearsInProfession whole years, 0-60
 * @param languages languages spoken, at least one usable for correspondence
 * @param interests 1-5 interests from the programme taxonomy
 * @param hopes what the participant hopes to gain
 * @param timeZone IANA time zone id
 * @param preferences partner preferences
 * @param returning whether they took part in an earlier cycle
 * @param locale language for programme mail and the portal (BCP 47, e.g. "en", "es", "fr")
 */
public record ParticipantProfile(
    String fullName,
    String email,
    String countryCode,
    String city,
    String organisation,
    LibrarySector sector,
    String role,
    int yearsInProfession,
    List<LanguageSkill> languages,
    List<String> interests,
    String hopes,
    String timeZone,
    PartnerPreferences preferences,
    boolean returning,
    String locale) {

  public ParticipantProfile {
    Contract.text(fullName, "fullName");
    Contract.text(email, "email");
    Contract.text(countryCode, "countryCode");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(sector, "sector");
    Objects.requireNonNull(role, "role");
    languages = Contract.list(languages, "languages");
    interests = Contract.list(interests, "interests");
    Objects.requireNonNull(hopes, "hopes");
    Contract.text(timeZone, "timeZone");
    Objects.requireNonNull(preferences, "preferences");
    Contract.text(locale, "locale");
  }
}
