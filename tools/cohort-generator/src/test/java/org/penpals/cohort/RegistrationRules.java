package org.penpals.cohort;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.penpals.contracts.registration.LanguageSkill;

/**
 * The registration API's validation rules, written out again from the specification as a test
 * oracle, independent of the checks in {@link SyntheticApplicant}'s constructor.
 */
final class RegistrationRules {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
  private static final Set<String> TAXONOMY =
      Set.of(
          "reference-services",
          "information-literacy",
          "digital-literacy",
          "collection-development",
          "cataloguing-metadata",
          "digital-libraries",
          "library-technology",
          "open-access",
          "research-support",
          "research-data",
          "scholarly-communication",
          "children-and-youth",
          "school-libraries",
          "community-engagement",
          "outreach-marketing",
          "advocacy",
          "leadership-management",
          "professional-development",
          "accessibility-inclusion",
          "indigenous-knowledge",
          "preservation-conservation",
          "archives-special-collections",
          "makerspaces",
          "reading-promotion",
          "copyright-licensing",
          "evaluation-impact",
          "rural-libraries",
          "health-information",
          "government-information",
          "lis-education");
  private static final Pattern EMAIL =
      Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*@example\\.(org|net)");
  private static final Pattern UPPER_ALPHA_2 = Pattern.compile("[A-Z]{2}");
  private static final Pattern LOWER_ALPHA_2 = Pattern.compile("[a-z]{2}");

  private RegistrationRules() {}

  /** Every rule the applicant breaks; empty when the API would accept it. */
  static List<String> violations(SyntheticApplicant a) {
    List<String> problems = new ArrayList<>();
    check(problems, length(a.fullName(), 1, 100), "fullName", a.fullName());
    check(
        problems,
        a.email().length() <= 254 && EMAIL.matcher(a.email()).matches(),
        "email",
        a.email());
    check(
        problems,
        UPPER_ALPHA_2.matcher(a.countryCode()).matches() && COUNTRIES.contains(a.countryCode()),
        "countryCode",
        a.countryCode());
    check(problems, length(a.city(), 1, 100), "city", a.city());
    check(problems, length(a.organisation(), 1, 200), "organisation", a.organisation());
    check(problems, length(a.role(), 1, 100), "role", a.role());
    check(
        problems,
        a.yearsInProfession() >= 0 && a.yearsInProfession() <= 60,
        "yearsInProfession",
        a.yearsInProfession());
    List<LanguageSkill> languages = a.languages();
    Set<String> codes = new HashSet<>();
    boolean validCodes =
        languages.stream()
            .allMatch(
                l ->
                    LOWER_ALPHA_2.matcher(l.code()).matches()
                        && LANGUAGES.contains(l.code())
                        && codes.add(l.code()));
    check(
        problems,
        languages.size() >= 1
            && languages.size() <= 10
            && validCodes
            && languages.stream().anyMatch(LanguageSkill::correspondence),
        "languages",
        languages);
    check(
        problems,
        a.interests().size() >= 1
            && a.interests().size() <= 5
            && Set.copyOf(a.interests()).size() == a.interests().size()
            && TAXONOMY.containsAll(a.interests()),
        "interests",
        a.interests());
    check(problems, a.hopes().length() <= 1000, "hopes", a.hopes().length());
    check(problems, ZONES.contains(a.timeZone()), "timeZone", a.timeZone());
    List<String> avoid = a.preferences().avoidCountries();
    check(
        problems,
        avoid.size() <= 20
            && COUNTRIES.containsAll(avoid)
            && !avoid.contains(a.countryCode())
            && Set.copyOf(avoid).size() == avoid.size(),
        "avoidCountries",
        avoid);
    check(problems, Set.of("en", "es", "fr").contains(a.locale()), "locale", a.locale());
    return problems;
  }

  private static boolean length(String value, int min, int max) {
    return !value.isBlank() && value.length() >= min && value.length() <= max;
  }

  private static void check(List<String> problems, boolean ok, String field, Object value) {
    if (!ok) {
      problems.add(field + ": " + value);
    }
  }
}
