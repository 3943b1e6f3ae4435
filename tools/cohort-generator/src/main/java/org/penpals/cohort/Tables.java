package org.penpals.cohort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The data tables behind the generator, read once from {@code countries.tsv} and {@code names.tsv}
 * beside this class and checked on load: a bad code or zone fails the first use, not a benchmark.
 */
final class Tables {
  /** A name and its e-mail form (ASCII, lower case). */
  record Name(String text, String slug) {}

  record NameRegion(String id, boolean familyFirst, List<Name> given, List<Name> family) {}

  record City(String name, String zone) {}

  /** A language someone in the country may also speak, with the probability that they do. */
  record OtherLanguage(String code, double probability) {}

  record Country(
      String code,
      String name,
      double weight,
      Weighted<NameRegion> names,
      Weighted<String> nativeLanguages,
      double english,
      List<OtherLanguage> otherLanguages,
      Weighted<City> cities) {}

  private static final Pattern COLUMNS = Pattern.compile("\\s*\\|\\s*");
  private static final Pattern LIST = Pattern.compile("\\s*,\\s*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  // read after the patterns above: static fields initialise in order
  static final Map<String, NameRegion> NAME_REGIONS = readNames();
  static final List<Country> COUNTRIES = readCountries();

  private Tables() {}

  private static Map<String, NameRegion> readNames() {
    Map<String, NameRegion> regions = new LinkedHashMap<>();
    for (String[] row : rows("names.tsv", 4)) {
      if (!row[1].equals("GF") && !row[1].equals("FG")) {
        throw new IllegalStateException("names.tsv: order must be GF or FG: " + row[0]);
      }
      regions.put(
          row[0], new NameRegion(row[0], row[1].equals("FG"), names(row[2]), names(row[3])));
    }
    return Map.copyOf(regions);
  }

  private static List<Name> names(String column) {
    return LIST.splitAsStream(column).map(text -> new Name(text, slug(text))).toList();
  }

  private static List<Country> readCountries() {
    List<Country> countries = new ArrayList<>();
    for (String[] row : rows("countries.tsv", 7)) {
      String code = row[0];
      try {
        countries.add(
            new Country(
                Iso.country(code),
                new Locale("", code).getDisplayCountry(Locale.ENGLISH),
                Double.parseDouble(row[1]),
                weighted(row[2], id -> require(NAME_REGIONS.get(id), "name region " + id)),
                weighted(row[3], Iso::language),
                probability(Double.parseDouble(row[4])),
                otherLanguages(row[5]),
                cities(row[6])));
      } catch (RuntimeException e) {
        throw new IllegalStateException("countries.tsv, " + code + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(countries);
  }

  /** "a:3 b:1" (or just "a", weight 1) to weighted items. */
  private static <T> Weighted<T> weighted(
      String column, java.util.function.Function<String, T> item) {
    String[] parts = SPACES.split(column);
    List<T> items = new ArrayList<>();
    double[] weights = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String[] pair = parts[i].split(":");
      items.add(item.apply(pair[0]));
      weights[i] = pair.length > 1 ? Double.parseDouble(pair[1]) : 1;
    }
    return new Weighted<>(items, weights);
  }

  private static List<OtherLanguage> otherLanguages(String column) {
    if (column.equals("-")) {
      return List.of();
    }
    return SPACES
        .splitAsStream(column)
        .map(pair -> pair.split(":"))
        .map(
            pair ->
                new OtherLanguage(Iso.language(pair[0]), probability(Double.parseDouble(pair[1]))))
        .toList();
  }

  /** Cities weighted by rank (Zipf-like): the first is drawn most often. */
  private static Weighted<City> cities(String column) {
    List<City> cities = new ArrayList<>();
    for (String entry : LIST.split(column)) {
      int equals = entry.indexOf('=');
      cities.add(new City(entry.substring(0, equals), Iso.zone(entry.substring(equals + 1))));
    }
    double[] weights = new double[cities.size()];
    for (int rank = 0; rank < weights.length; rank++) {
      weights[rank] = 1 / Math.pow(rank + 1, 0.8);
    }
    return new Weighted<>(cities, weights);
  }

  private static double probability(double value) {
    if (value < 0 || value > 1) {
      throw new IllegalStateException("not a probability: " + value);
    }
    return value;
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalStateException("unknown " + what);
    }
    return value;
  }

  /**
   * The e-mail form of a name: "Nguyễn" to "nguyen", "O'Brien" to "obrien", "de Jong" to "de-jong".
   */
  static String slug(String text) {
    String ascii =
        Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ø", "o")
            .replace("ł", "l")
            .replace("đ", "d")
            .replace("ð", "d")
            .replace("þ", "th")
            .replace("ß", "ss")
            .replace("æ", "ae")
            .replace("œ", "oe")
            .replace("ı", "i")
            .replace("'", "")
            .replace("’", "");
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "librarian" : slug;
  }

  private static List<String[]> rows(String resource, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Tables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] row = COLUMNS.split(line.strip());
        if (row.length != columns) {
          throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
