package org.penpals.cohort;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/** The ISO and IANA code lists the registration API accepts, as the JDK knows them. */
final class Iso {
  static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  private Iso() {}

  static String country(String code) {
    return check(code, COUNTRIES, "ISO 3166-1 alpha-2 country code");
  }

  static String language(String code) {
    return check(code, LANGUAGES, "ISO 639-1 language code");
  }

  static String zone(String id) {
    return check(id, ZONES, "IANA time zone");
  }

  private static String check(String value, Set<String> known, String what) {
    if (!known.contains(value)) {
      throw new IllegalArgumentException("not an " + what + ": " + value);
    }
    return value;
  }
}
