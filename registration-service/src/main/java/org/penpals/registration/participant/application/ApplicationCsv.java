package org.penpals.registration.participant.application;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.Rules;
import org.penpals.platform.domain.Violation;
import org.penpals.registration.participant.domain.Consent;
import org.penpals.registration.participant.domain.Iso;
import org.penpals.registration.participant.domain.Language;
import org.penpals.registration.participant.domain.Profile;
import org.penpals.registration.participant.domain.Sector;
import org.penpals.registration.participant.domain.SectorPreference;
import org.penpals.registration.participant.domain.Taxonomy;

/**
 * Reads applications from a CSV file as a form tool (Google Forms, Microsoft Forms, a spreadsheet)
 * exports it: one header row with the questions, one row per applicant. Column names are matched
 * loosely (case, punctuation and common wordings); values may be codes or English names ("Bulgaria"
 * or "BG", "English; Spanish" or "en;es", "Yes"/"No").
 */
public final class ApplicationCsv {
  /** What one row became: a valid form, or the reasons it is not. */
  public record Row(
      int line,
      @Nullable String email,
      @Nullable ApplicationForm form,
      List<Violation> violations) {}

  enum Column {
    FULL_NAME("fullName", true, "full name", "name", "your name", "fullname"),
    EMAIL("email", true, "email", "email address", "e-mail", "e-mail address", "your email"),
    COUNTRY("countryCode", true, "country", "country of work", "country code", "countrycode"),
    CITY("city", true, "city", "city of work", "town"),
    ORGANISATION(
        "organisation", true, "organisation", "organization", "library", "institution", "employer"),
    SECTOR("sector", true, "sector", "library sector", "type of library"),
    ROLE("role", true, "role", "job title", "position", "current role"),
    YEARS(
        "yearsInProfession",
        true,
        "years in the profession",
        "years in profession",
        "years of experience",
        "years",
        "yearsinprofession"),
    LANGUAGES(
        "languages",
        true,
        "languages",
        "languages for correspondence",
        "languages you can correspond in",
        "correspondence languages"),
    OTHER_LANGUAGES("languages", false, "other languages", "other languages spoken"),
    INTERESTS("interests", true, "interests", "areas of interest", "topics of interest"),
    HOPES(
        "hopes",
        false,
        "hopes",
        "what do you hope to gain",
        "what do you hope to gain from the programme",
        "what do you hope to gain from the program",
        "goals"),
    TIME_ZONE("timeZone", true, "time zone", "timezone"),
    SECTOR_PREFERENCE(
        "preferences.sector",
        false,
        "sector preference",
        "partner sector",
        "partner from the same sector",
        "same sector preferred"),
    AVOID(
        "preferences.avoidCountries",
        false,
        "countries to avoid",
        "avoid countries",
        "countries you would rather not be matched with"),
    RETURNING(
        "returning", false, "returning participant", "returning", "have you participated before"),
    LOCALE(
        "locale",
        false,
        "language of communication",
        "locale",
        "preferred language",
        "language for emails"),
    PRIVACY(
        "consent.privacyNotice",
        true,
        "privacy notice",
        "i agree to the privacy notice",
        "consent",
        "privacy consent"),
    SHARE(
        "consent.shareContactWithPartner",
        true,
        "share contact details",
        "i agree to share my contact details with my partner",
        "contact sharing consent");

    final String field;
    final boolean required;
    final List<String> names;

    Column(String field, boolean required, String... names) {
      this.field = field;
      this.required = required;
      this.names = List.of(names);
    }
  }

  private static final Map<String, String> COUNTRY_NAMES = new HashMap<>();
  private static final Map<String, String> LANGUAGE_NAMES = new HashMap<>();
  private static final Map<String, String> INTEREST_LABELS = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      COUNTRY_NAMES.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
    }
    COUNTRY_NAMES.put("usa", "US");
    COUNTRY_NAMES.put("united states of america", "US");
    COUNTRY_NAMES.put("uk", "GB");
    COUNTRY_NAMES.put("england", "GB");
    COUNTRY_NAMES.put("scotland", "GB");
    COUNTRY_NAMES.put("wales", "GB");
    for (String code : Locale.getISOLanguages()) {
      LANGUAGE_NAMES.put(key(new Locale(code).getDisplayLanguage(Locale.ENGLISH)), code);
    }
    Taxonomy.interests().forEach((id, label) -> INTEREST_LABELS.put(key(label), id));
  }

  private ApplicationCsv() {}

  /**
   * Parses every row.
   *
   * @throws InvalidInput if the file itself is unusable (no header, a required column missing)
   */
  public static List<Row> parse(String csv, Instant consentTime) {
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .setIgnoreSurroundingSpaces(true)
            .get()
            .parse(new StringReader(stripBom(csv)))) {
      Map<Column, String> columns = columns(parser.getHeaderNames());
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        rows.add(row(record, columns, consentTime));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw InvalidInput.of("file", "is not a readable CSV file: " + e.getMessage());
    }
  }

  private static String stripBom(String csv) {
    return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
  }

  private static Map<Column, String> columns(List<String> headers) {
    Map<Column, String> columns = new LinkedHashMap<>();
    for (String header : headers) {
      if (header == null || header.isBlank()) {
        continue;
      }
      String key = key(header);
      for (Column column : Column.values()) {
        if (!columns.containsKey(column) && column.names.contains(key)) {
          columns.put(column, header);
          break;
        }
      }
    }
    Rules rules = new Rules();
    for (Column column : Column.values()) {
      rules.require(
          !column.required || columns.containsKey(column),
          "header",
          "a column for " + column.field + " is required (e.g. \"" + column.names.get(0) + "\")");
    }
    rules.throwIfAny();
    return columns;
  }

  private static Row row(CSVRecord record, Map<Column, String> columns, Instant consentTime) {
    int line = (int) record.getRecordNumber() + 1; // the header is line 1
    Rules rules = new Rules();
    Map<Column, String> v = new HashMap<>();
    columns.forEach(
        (column, header) -> v.put(column, record.isSet(header) ? record.get(header) : ""));

    String country = country(v.get(Column.COUNTRY), rules);
    List<Language> languages = new ArrayList<>();
    languages(v.get(Column.LANGUAGES), true, Column.LANGUAGES, rules).forEach(languages::add);
    languages(v.getOrDefault(Column.OTHER_LANGUAGES, ""), false, Column.OTHER_LANGUAGES, rules)
        .stream()
        .filter(l -> languages.stream().noneMatch(k -> k.code().equals(l.code())))
        .forEach(languages::add);
    Integer years = integer(v.get(Column.YEARS), Column.YEARS, rules);
    Sector sector = sector(v.get(Column.SECTOR), rules);
    boolean privacy = yes(v.get(Column.PRIVACY));
    boolean share = yes(v.get(Column.SHARE));
    rules.require(privacy, Column.PRIVACY.field, "must be accepted (\"Yes\")");
    rules.require(share, Column.SHARE.field, "must be accepted (\"Yes\")");
    Profile profile = null;
    try {
      profile =
          new Profile(
              v.get(Column.FULL_NAME),
              v.get(Column.EMAIL),
              country,
              v.get(Column.CITY),
              v.get(Column.ORGANISATION),
              sector,
              v.get(Column.ROLE),
              years == null ? 0 : years,
              languages,
              interests(v.get(Column.INTERESTS), rules),
              v.getOrDefault(Column.HOPES, ""),
              v.get(Column.TIME_ZONE),
              sectorPreference(v.getOrDefault(Column.SECTOR_PREFERENCE, "")),
              countries(v.getOrDefault(Column.AVOID, ""), rules),
              yes(v.getOrDefault(Column.RETURNING, "")),
              locale(v.getOrDefault(Column.LOCALE, "")));
    } catch (InvalidInput e) {
      e.violations().forEach(x -> rules.add(x.field(), x.message()));
    }
    String rawEmail = v.get(Column.EMAIL);
    String email = rawEmail == null ? null : rawEmail.strip().toLowerCase(Locale.ROOT);
    if (!rules.ok() || profile == null) {
      return new Row(line, email, null, firstPerField(rules.violations()));
    }
    return new Row(
        line, email, new ApplicationForm(profile, new Consent(true, true, consentTime)), List.of());
  }

  /** One reason per field is enough for a person fixing the file. */
  private static List<Violation> firstPerField(List<Violation> violations) {
    Map<String, Violation> first = new LinkedHashMap<>();
    violations.forEach(violation -> first.putIfAbsent(violation.field(), violation));
    return List.copyOf(first.values());
  }

  private static @Nullable String country(@Nullable String value, Rules rules) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String upper = value.strip().toUpperCase(Locale.ROOT);
    if (Iso.isCountry(upper)) {
      return upper;
    }
    String code = COUNTRY_NAMES.get(key(value));
    if (code == null) {
      rules.add(
          "countryCode", "\"" + value + "\" is not a country we know (use a name or ISO code)");
    }
    return code;
  }

  private static List<Language> languages(
      @Nullable String value, boolean correspondence, Column column, Rules rules) {
    List<Language> languages = new ArrayList<>();
    for (String item : split(value)) {
      String lower = item.toLowerCase(Locale.ROOT);
      String code = Iso.isLanguage(lower) ? lower : LANGUAGE_NAMES.get(key(item));
      if (code == null) {
        rules.add(column.field, "\"" + item + "\" is not a language we know");
      } else if (languages.stream().noneMatch(l -> l.code().equals(code))) {
        languages.add(new Language(code, correspondence));
      }
    }
    return languages;
  }

  private static List<String> interests(@Nullable String value, Rules rules) {
    List<String> interests = new ArrayList<>();
    for (String item : split(value)) {
      String id = Taxonomy.isInterest(item) ? item : INTEREST_LABELS.get(key(item));
      if (id == null) {
        rules.add("interests", "\"" + item + "\" is not in the programme's taxonomy");
      } else if (!interests.contains(id)) {
        interests.add(id);
      }
    }
    return interests;
  }

  private static List<String> countries(@Nullable String value, Rules rules) {
    List<String> codes = new ArrayList<>();
    for (String item : split(value)) {
      Optional.ofNullable(country(item, rules)).ifPresent(codes::add);
    }
    return codes;
  }

  private static @Nullable Integer integer(@Nullable String value, Column column, Rules rules) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      rules.add(column.field, "must be a whole number");
      return null;
    }
  }

  private static @Nullable Sector sector(@Nullable String value, Rules rules) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String k = key(value);
    for (Sector sector : Sector.values()) {
      if (k.equals(key(sector.name())) || k.equals(key(sector.label()))) {
        return sector;
      }
    }
    if (k.contains("school")) {
      return Sector.SCHOOL;
    }
    if (k.contains("academic") || k.contains("university") || k.contains("research")) {
      return Sector.ACADEMIC;
    }
    if (k.contains("public")) {
      return Sector.PUBLIC;
    }
    if (k.contains("national") || k.contains("state")) {
      return Sector.NATIONAL_STATE;
    }
    if (k.contains("government")) {
      return Sector.GOVERNMENT;
    }
    if (k.contains("archive") || k.contains("museum")) {
      return Sector.ARCHIVES_MUSEUMS;
    }
    if (k.contains("student") || k.contains("education")) {
      return Sector.LIS_EDUCATION;
    }
    if (k.contains("special")) {
      return Sector.SPECIAL;
    }
    if (k.equals("other")) {
      return Sector.OTHER;
    }
    rules.add("sector", "\"" + value + "\" is not a library sector we know");
    return null;
  }

  private static SectorPreference sectorPreference(String value) {
    String k = key(value);
    if (k.equals("same") || k.equals("yes") || k.startsWith("same")) {
      return SectorPreference.SAME;
    }
    if (k.startsWith("different")) {
      return SectorPreference.DIFFERENT;
    }
    return SectorPreference.NO_PREFERENCE;
  }

  private static String locale(String value) {
    String k = key(value);
    return switch (k) {
      case "", "en", "english" -> "en";
      case "es", "spanish", "espanol" -> "es";
      case "fr", "french", "francais" -> "fr";
      default -> value.strip().toLowerCase(Locale.ROOT);
    };
  }

  private static boolean yes(@Nullable String value) {
    String k = key(value == null ? "" : value);
    return k.equals("yes")
        || k.equals("y")
        || k.equals("true")
        || k.equals("1")
        || k.equals("agree")
        || k.equals("i agree")
        || k.equals("accepted")
        || k.startsWith("yes ");
  }

  private static List<String> split(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return List.of(value.split("[;,/]")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Lower case, accents removed, punctuation and extra spaces dropped. */
  static String key(String text) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return plain.replaceAll("[^a-z0-9 -]", " ").replaceAll("\\s+", " ").strip();
  }
}
