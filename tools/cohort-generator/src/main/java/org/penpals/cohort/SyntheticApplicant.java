package org.penpals.cohort;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.LibrarySector;
import org.penpals.contracts.registration.ParticipantProfile;
import org.penpals.contracts.registration.PartnerPreferences;

/**
 * One synthetic application: exactly the fields of the registration form (consent aside, which a
 * synthetic applicant always gives). The constructor enforces the registration API's rules, so an
 * instance is always something the API accepts.
 */
public record SyntheticApplicant(
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

  /** Locales the portal and programme mail are written in. */
  public static final Set<String> LOCALES = Set.of("en", "es", "fr");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public SyntheticApplicant {
    text(fullName, 100, "fullName");
    text(email, 254, "email");
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("email is not an address: " + email);
    }
    Iso.country(countryCode);
    text(city, 100, "city");
    text(organisation, 200, "organisation");
    Objects.requireNonNull(sector, "sector");
    text(role, 100, "role");
    if (yearsInProfession < 0 || yearsInProfession > 60) {
      throw new IllegalArgumentException("yearsInProfession must be 0-60: " + yearsInProfession);
    }
    languages = List.copyOf(languages);
    checkLanguages(languages);
    interests = List.copyOf(interests);
    checkInterests(interests);
    Objects.requireNonNull(hopes, "hopes");
    if (hopes.length() > 1000) {
      throw new IllegalArgumentException("hopes must be at most 1000 characters");
    }
    Iso.zone(timeZone);
    Objects.requireNonNull(preferences, "preferences");
    checkAvoidances(preferences.avoidCountries(), countryCode);
    if (!LOCALES.contains(locale)) {
      throw new IllegalArgumentException("locale must be one of " + LOCALES + ": " + locale);
    }
  }

  /** The application as the profile that registration events carry. */
  public ParticipantProfile toProfile() {
    return new ParticipantProfile(
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
        locale);
  }

  /** Whether the applicant is happy to correspond in {@code code}. */
  public boolean corresponds(String code) {
    return languages.stream().anyMatch(l -> l.correspondence() && l.code().equals(code));
  }

  private static void text(String value, int max, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(name + " must be 1-" + max + " characters: " + value);
    }
  }

  private static void checkLanguages(List<LanguageSkill> languages) {
    if (languages.isEmpty() || languages.size() > 10) {
      throw new IllegalArgumentException("languages must have 1-10 entries");
    }
    Set<String> codes = new HashSet<>();
    for (LanguageSkill language : languages) {
      Iso.language(language.code());
      if (!codes.add(language.code())) {
        throw new IllegalArgumentException("language listed twice: " + language.code());
      }
    }
    if (languages.stream().noneMatch(LanguageSkill::correspondence)) {
      throw new IllegalArgumentException("at least one language must be usable for correspondence");
    }
  }

  private static void checkInterests(List<String> interests) {
    if (interests.isEmpty() || interests.size() > 5) {
      throw new IllegalArgumentException("interests must have 1-5 entries");
    }
    if (Set.copyOf(interests).size() != interests.size()) {
      throw new IllegalArgumentException("interests must be distinct: " + interests);
    }
    for (String interest : interests) {
      if (!Interests.contains(interest)) {
        throw new IllegalArgumentException("not in the interest taxonomy: " + interest);
      }
    }
  }

  private static void checkAvoidances(List<String> avoid, String own) {
    if (avoid.size() > 20) {
      throw new IllegalArgumentException("at most 20 countries to avoid");
    }
    if (Set.copyOf(avoid).size() != avoid.size()) {
      throw new IllegalArgumentException("countries to avoid must be distinct: " + avoid);
    }
    for (String code : avoid) {
      Iso.country(code);
      if (code.equals(own)) {
        throw new IllegalArgumentException("cannot avoid one's own country: " + code);
      }
    }
  }
}
