package org.penpals.registration.participant.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.penpals.platform.domain.Rules;

/**
 * An applicant's profile. Validates itself against the programme's rules; field names in violations
 * are the API's JSON paths.
 */
public record Profile(
    String fullName,
    String email,
    String countryCode,
    String city,
    String organisation,
    Sector sector,
    String role,
    int yearsInProfession,
    List<Language> languages,
    List<String> interests,
    String hopes,
    String timeZone,
    SectorPreference sectorPreference,
    List<String> avoidCountries,
    boolean returning,
    String locale) {

  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  /** Whether {@code email} (trimmed, lower case) has the shape of an email address. */
  public static boolean isEmailAddress(String email) {
    return email.length() >= 3 && email.length() <= 254 && EMAIL.matcher(email).matches();
  }

  public Profile {
    Rules rules = new Rules();
    fullName = rules.text(fullName, "fullName", 1, 100);
    email = rules.text(email, "email", 3, 254);
    if (email != null && rules.ok()) {
      email = email.toLowerCase(Locale.ROOT);
      rules.require(EMAIL.matcher(email).matches(), "email", "must be a valid email address");
    }
    countryCode = rules.text(countryCode, "countryCode", 2, 2);
    if (countryCode != null && countryCode.length() == 2) {
      rules.require(
          Iso.isCountry(countryCode), "countryCode", "must be an ISO 3166-1 alpha-2 code, e.g. BG");
    }
    city = rules.text(city, "city", 1, 100);
    organisation = rules.text(organisation, "organisation", 1, 200);
    rules.present(sector, "sector");
    role = rules.text(role, "role", 1, 100);
    rules.require(
        yearsInProfession >= 0 && yearsInProfession <= 60,
        "yearsInProfession",
        "must be between 0 and 60");
    languages = checkLanguages(languages, rules);
    interests = checkInterests(interests, rules);
    hopes = hopes == null ? "" : rules.text(hopes, "hopes", 0, 1000);
    timeZone = rules.text(timeZone, "timeZone", 1, 64);
    if (timeZone != null && !timeZone.isBlank()) {
      rules.require(
          Iso.isTimeZone(timeZone), "timeZone", "must be an IANA time zone, e.g. Europe/Sofia");
    }
    sectorPreference = sectorPreference == null ? SectorPreference.NO_PREFERENCE : sectorPreference;
    avoidCountries = checkAvoidCountries(avoidCountries, countryCode, rules);
    locale = locale == null ? "en" : locale;
    rules.require(
        Taxonomy.LOCALES.contains(locale), "locale", "must be one of " + Taxonomy.LOCALES);
    rules.throwIfAny();
  }

  private static List<Language> checkLanguages(List<Language> languages, Rules rules) {
    if (languages == null || languages.isEmpty()) {
      rules.add("languages", "must list at least one language");
      return List.of();
    }
    if (languages.size() > 10) {
      rules.add("languages", "must list at most 10 languages");
    }
    Set<String> seen = new HashSet<>();
    boolean correspondence = false;
    for (int i = 0; i < languages.size(); i++) {
      Language language = languages.get(i);
      String field = "languages[" + i + "]";
      if (language == null || language.code() == null) {
        rules.add(field + ".code", "is required");
        continue;
      }
      if (!Iso.isLanguage(language.code())) {
        rules.add(field + ".code", "must be an ISO 639-1 code in lower case, e.g. en");
      } else if (!seen.add(language.code())) {
        rules.add(field + ".code", "is listed twice");
      }
      correspondence |= language.correspondence();
    }
    if (!correspondence) {
      rules.add("languages", "at least one language must be usable for correspondence");
    }
    return List.copyOf(languages.stream().filter(l -> l != null && l.code() != null).toList());
  }

  private static List<String> checkInterests(List<String> interests, Rules rules) {
    if (interests == null || interests.isEmpty()) {
      rules.add("interests", "must list 1 to 5 interests");
      return List.of();
    }
    if (interests.size() > 5) {
      rules.add("interests", "must list 1 to 5 interests");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < interests.size(); i++) {
      String interest = interests.get(i);
      String field = "interests[" + i + "]";
      if (interest == null || !Taxonomy.isInterest(interest)) {
        rules.add(field, "is not in the programme's taxonomy (GET /api/registration/taxonomy)");
      } else if (!seen.add(interest)) {
        rules.add(field, "is listed twice");
      }
    }
    return interests.stream().filter(i -> i != null).toList();
  }

  private static List<String> checkAvoidCountries(
      List<String> avoid, String ownCountry, Rules rules) {
    if (avoid == null) {
      return List.of();
    }
    if (avoid.size() > 20) {
      rules.add("preferences.avoidCountries", "must list at most 20 countries");
    }
    for (int i = 0; i < avoid.size(); i++) {
      String code = avoid.get(i);
      String field = "preferences.avoidCountries[" + i + "]";
      if (code == null || !Iso.isCountry(code)) {
        rules.add(field, "must be an ISO 3166-1 alpha-2 code, e.g. BG");
      } else if (code.equals(ownCountry)) {
        rules.add(field, "must not be your own country");
      }
    }
    return avoid.stream().filter(c -> c != null).distinct().toList();
  }

  /** Languages usable for correspondence. */
  public List<String> correspondenceLanguages() {
    return languages.stream().filter(Language::correspondence).map(Language::code).toList();
  }
}
