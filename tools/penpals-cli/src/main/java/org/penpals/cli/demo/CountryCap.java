package org.penpals.cli.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A country cap that only the largest country of a cohort goes over, so that registration waitlists
 * some of its applicants and nobody else. Registration's cap is {@code max(1, floor(capacity ·
 * percent / 100))} places per country; this is the smallest whole percentage whose cap still holds
 * every applicant of the second largest country: the largest country loses as many places as it can
 * while every other country fits.
 *
 * @param percent the cycle's {@code countryCapPercent}
 * @param places the places one country may hold at that percentage
 * @param country the largest country, the one over the cap
 * @param applicants its applicants
 * @param nextCountry the second largest country (null if the cohort has one country)
 * @param nextApplicants its applicants (0 if none)
 */
public record CountryCap(
    int percent,
    int places,
    String country,
    long applicants,
    @org.jspecify.annotations.Nullable String nextCountry,
    long nextApplicants) {

  /** How many of the largest country's applicants the cap waitlists. */
  public long over() {
    return applicants - places;
  }

  /** Registration's rule: at least one place. */
  public static int places(int capacity, int percent) {
    return Math.max(1, (int) ((long) capacity * percent / 100));
  }

  /**
   * The cap for a cohort with {@code applicantsByCountry} and {@code capacity} places, or empty
   * when no whole percentage separates the largest country from the next (a tie, or counts closer
   * than one percent of the capacity).
   */
  public static Optional<CountryCap> forCohort(
      Map<String, Long> applicantsByCountry, int capacity) {
    List<Map.Entry<String, Long>> largest =
        applicantsByCountry.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(2)
            .toList();
    if (largest.isEmpty()) {
      return Optional.empty();
    }
    Map.Entry<String, Long> first = largest.get(0);
    Map.Entry<String, Long> second = largest.size() > 1 ? largest.get(1) : null;
    long next = second == null ? 0 : second.getValue();
    for (int percent = 1; percent < 100; percent++) {
      int places = places(capacity, percent);
      if (places >= next && places < first.getValue()) {
        return Optional.of(
            new CountryCap(
                percent,
                places,
                first.getKey(),
                first.getValue(),
                second == null ? null : second.getKey(),
                next));
      }
      if (places >= first.getValue()) {
        break;
      }
    }
    return Optional.empty();
  }
}
