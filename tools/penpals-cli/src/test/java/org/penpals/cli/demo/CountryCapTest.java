package org.penpals.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.penpals.cohort.CohortGenerator;
import org.penpals.cohort.SyntheticApplicant;

class CountryCapTest {

  @Test
  void shouldCapOnlyTheLargestCountryOfTheDefaultCohort() {
    // given: the demo's default cohort (US 136, AU 121, ...)
    Map<String, Long> byCountry = byCountry(762, 78);

    // when
    CountryCap cap = CountryCap.forCohort(byCountry, 762).orElseThrow();

    // then: 16% of 762 is 121 places: the US goes over, Australia just fits
    assertThat(cap.percent()).isEqualTo(16);
    assertThat(cap.places()).isEqualTo(121);
    assertThat(cap.country()).isEqualTo("US");
    assertThat(cap.over()).isEqualTo(15);
    assertThat(cap.nextCountry()).isEqualTo("AU");
    assertThat(byCountry.entrySet())
        .allSatisfy(
            e ->
                assertThat(e.getValue() > cap.places())
                    .as(e.getKey())
                    .isEqualTo(e.getKey().equals("US")));
  }

  @Test
  void shouldCapOnlyTheLargestCountryOfASmallCohort() {
    // given: the stack test's cohort (AU 16, GB 9, ...)
    Map<String, Long> byCountry = byCountry(40, 12);

    // when
    CountryCap cap = CountryCap.forCohort(byCountry, 40).orElseThrow();

    // then: 23% of 40 is 9 places
    assertThat(cap.country()).isEqualTo("AU");
    assertThat(cap.places()).isEqualTo(9);
    assertThat(cap.over()).isEqualTo(7);
    assertThat(cap.percent()).isEqualTo(23);
    assertThat(CountryCap.places(40, cap.percent() - 1)).isLessThan(9);
  }

  @Test
  void shouldFindNoCapWhenTheTwoLargestCountriesTie() {
    assertThat(CountryCap.forCohort(Map.of("AU", 10L, "GB", 10L, "IN", 3L), 23)).isEmpty();
  }

  @Test
  void shouldFindNoCapWhenNoWholePercentageSeparatesTheLargestCountries() {
    // given: 127 and 122 of 762 places: 16% is 121 (below the second), 17% is 129 (above the first)
    Optional<CountryCap> cap = CountryCap.forCohort(Map.of("US", 127L, "AU", 122L), 762);

    // then
    assertThat(cap).isEmpty();
  }

  @Test
  void shouldWaitlistAllButOneOfACohortFromOneCountry() {
    // when: one country only; registration gives every country at least one place
    CountryCap cap = CountryCap.forCohort(Map.of("UG", 2L), 2).orElseThrow();

    // then
    assertThat(cap.places()).isEqualTo(1);
    assertThat(cap.over()).isEqualTo(1);
    assertThat(cap.nextCountry()).isNull();
    assertThat(cap.nextApplicants()).isZero();
  }

  private static Map<String, Long> byCountry(int applicants, int countries) {
    return new CohortGenerator(2014)
        .generate(applicants, countries).stream()
            .collect(Collectors.groupingBy(SyntheticApplicant::countryCode, Collectors.counting()));
  }
}
