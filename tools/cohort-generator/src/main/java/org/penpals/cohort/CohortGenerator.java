package org.penpals.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.penpals.cohort.Tables.Country;

/**
 * Makes seeded synthetic cohorts: the same seed and arguments always give the same applicants, in
 * the same order, on any JVM. Instances are immutable and thread-safe; each call starts afresh from
 * the seed.
 *
 * <pre>{@code
 * List<SyntheticApplicant> cohort = new CohortGenerator(2014).generate(762, 78);
 * }</pre>
 *
 * <p>Countries are drawn by weights that reproduce a real programme (about two fifths from
 * Australia, the US and the UK; a long tail of countries with a handful each). Languages follow the
 * country: most correspond in English, some only in Spanish, French, Chinese or a language nobody
 * else in the cohort speaks. About 3% name countries to avoid and 15% are returning participants.
 */
public final class CohortGenerator {
  private static final Weighted<Country> ALL_COUNTRIES =
      new Weighted<>(
          Tables.COUNTRIES, Tables.COUNTRIES.stream().mapToDouble(Country::weight).toArray());
  private static final ApplicantFactory FACTORY = new ApplicantFactory(ALL_COUNTRIES);

  private final long seed;

  public CohortGenerator(long seed) {
    this.seed = seed;
  }

  /** How many countries the tables know: the most {@link #generate(int, int)} can spread over. */
  public static int countryCount() {
    return Tables.COUNTRIES.size();
  }

  /** The ISO codes of every country the generator may use, most applicants first. */
  public static List<String> countryCodes() {
    return Tables.COUNTRIES.stream()
        .sorted(Comparator.comparingDouble(Country::weight).reversed())
        .map(Country::code)
        .toList();
  }

  /** {@code n} applicants whose countries are drawn by the programme's weights. */
  public List<SyntheticApplicant> generate(int n) {
    requireNonNegative(n);
    SplittableRandom random = new SplittableRandom(seed);
    List<Country> countries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      countries.add(ALL_COUNTRIES.pick(random));
    }
    return applicants(countries, random);
  }

  /**
   * {@code n} applicants from exactly {@code distinctCountries} countries: the countries are drawn
   * by weight without replacement (so the big ones are nearly always in), each gets at least one
   * applicant and the rest are shared by weight.
   *
   * @throws IllegalArgumentException unless {@code 1 <= distinctCountries <= min(n,
   *     countryCount())}
   */
  public List<SyntheticApplicant> generate(int n, int distinctCountries) {
    requireNonNegative(n);
    if (distinctCountries < 1 || distinctCountries > n || distinctCountries > countryCount()) {
      throw new IllegalArgumentException(
          "distinctCountries must be between 1 and min(n, "
              + countryCount()
              + "): "
              + distinctCountries
              + " for n = "
              + n);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Country> chosen = sampleWithoutReplacement(distinctCountries, random);
    Weighted<Country> byWeight =
        new Weighted<>(chosen, chosen.stream().mapToDouble(Country::weight).toArray());
    List<Country> countries = new ArrayList<>(n);
    countries.addAll(chosen);
    for (int i = distinctCountries; i < n; i++) {
      countries.add(byWeight.pick(random));
    }
    shuffle(countries, random);
    return applicants(countries, random);
  }

  private static List<SyntheticApplicant> applicants(
      List<Country> countries, SplittableRandom random) {
    SyntheticApplicant[] applicants = new SyntheticApplicant[countries.size()];
    for (int i = 0; i < applicants.length; i++) {
      applicants[i] = FACTORY.make(i, countries.get(i), random);
    }
    return Collections.unmodifiableList(Arrays.asList(applicants));
  }

  /** Weighted sampling without replacement (Efraimidis-Spirakis: the k largest u^(1/w)). */
  private static List<Country> sampleWithoutReplacement(int k, SplittableRandom random) {
    List<Country> all = Tables.COUNTRIES;
    double[] keys = new double[all.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Math.log(random.nextDouble()) / all.get(i).weight();
    }
    return IntStream.range(0, all.size())
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> keys[i]).reversed())
        .limit(k)
        .map(all::get)
        .toList();
  }

  private static void shuffle(List<Country> countries, SplittableRandom random) {
    for (int i = countries.size() - 1; i > 0; i--) {
      Collections.swap(countries, i, random.nextInt(i + 1));
    }
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
  }
}
