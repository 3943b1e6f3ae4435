package org.penpals.registration.participant.domain;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 3166 countries, ISO 639-1 languages and IANA time zones, as the JDK knows them. */
public final class Iso {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(z -> z.contains("/") && !z.startsWith("SystemV/") && !z.startsWith("Etc/"))
          .collect(Collectors.toUnmodifiableSet());

  private Iso() {}

  /** ISO 3166-1 alpha-2, upper case. */
  public static boolean isCountry(String code) {
    return code.length() == 2 && COUNTRIES.contains(code);
  }

  /** ISO 639-1, lower case. */
  public static boolean isLanguage(String code) {
    return code.length() == 2 && LANGUAGES.contains(code);
  }

  /** A region-based IANA zone id, e.g. {@code Europe/Sofia} (plus {@code UTC}). */
  public static boolean isTimeZone(String id) {
    return ZONES.contains(id) || "UTC".equals(id);
  }
}
