package org.penpals.portal.web;

import java.text.Collator;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.penpals.portal.services.Registration;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The form's pickers: countries (ISO 3166) and languages (ISO 639-1) named in the reader's language
 * by the JDK, IANA time zones, and the programme's sectors and interests (from the registration
 * service's taxonomy, labelled from the portal's messages when it has a translation).
 */
@Component
public class Choices {
  /** A choice in a select or a list of checkboxes. */
  public record Option(String value, String label) {}

  private static final List<String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(z -> z.contains("/") && !z.startsWith("SystemV/") && !z.startsWith("Etc/"))
          .filter(z -> Character.isUpperCase(z.charAt(0)))
          .sorted()
          .toList();

  private final MessageSource messages;
  private final Map<String, List<Option>> cache = new ConcurrentHashMap<>();

  public Choices(MessageSource messages) {
    this.messages = messages;
  }

  public List<Option> countries(Locale locale) {
    return cache.computeIfAbsent(
        "countries|" + locale.getLanguage(),
        k ->
            sorted(
                Arrays.stream(Locale.getISOCountries())
                    .map(c -> new Option(c, countryName(c, locale)))
                    .toList(),
                locale));
  }

  public List<Option> languages(Locale locale) {
    return cache.computeIfAbsent(
        "languages|" + locale.getLanguage(),
        k ->
            sorted(
                Arrays.stream(Locale.getISOLanguages())
                    .map(l -> new Option(l, languageName(l, locale)))
                    .filter(o -> !o.label().equals(o.value()))
                    .toList(),
                locale));
  }

  public List<String> timeZones() {
    return ZONES;
  }

  public List<Option> sectors(Registration.Taxonomy taxonomy, Locale locale) {
    return taxonomy.sectors().stream()
        .map(
            s ->
                new Option(
                    s.id(), messages.getMessage("sector." + s.id(), null, s.label(), locale)))
        .toList();
  }

  public List<Option> interests(Registration.Taxonomy taxonomy, Locale locale) {
    return sorted(
        taxonomy.interests().stream()
            .map(
                i ->
                    new Option(
                        i.id(), messages.getMessage("interest." + i.id(), null, i.label(), locale)))
            .toList(),
        locale);
  }

  public static String countryName(String code, Locale locale) {
    String name = new Locale("", code).getDisplayCountry(locale);
    return name.isBlank() ? code : name;
  }

  public static String languageName(String code, Locale locale) {
    String name = new Locale(code).getDisplayLanguage(locale);
    if (name.isBlank()) {
      return code;
    }
    return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }

  private static List<Option> sorted(List<Option> options, Locale locale) {
    Collator collator = Collator.getInstance(locale);
    return options.stream().sorted(Comparator.comparing(Option::label, collator)).toList();
  }
}
