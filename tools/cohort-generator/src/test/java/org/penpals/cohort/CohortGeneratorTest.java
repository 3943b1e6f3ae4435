package org.penpals.cohort;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.LibrarySector;
import org.penpals.contracts.registration.SectorPreference;

class CohortGeneratorTest {
  /** One large cohort shared by the statistical tests: generated once, read many times. */
  private static final List<SyntheticApplicant> LARGE = new CohortGenerator(7).generate(20_000);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40).map(i -> i * 7919 + 2014);
  }

  @Test
  void shouldGenerateTheSameCohortForTheSameSeed() {
    // given
    CohortGenerator generator = new CohortGenerator(2014);

    // when
    List<SyntheticApplicant> first = generator.generate(762, 78);
    List<SyntheticApplicant> again = new CohortGenerator(2014).generate(762, 78);
    List<SyntheticApplicant> sameInstance = generator.generate(762, 78);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(sameInstance).isEqualTo(first);
    assertThat(new CohortGenerator(2014).generate(500)).isEqualTo(generator.generate(500));
  }

  @Test
  void shouldGenerateDifferentCohortsForDifferentSeeds() {
    // when
    List<SyntheticApplicant> one = new CohortGenerator(1).generate(100);
    List<SyntheticApplicant> other = new CohortGenerator(2).generate(100);

    // then
    assertThat(one).isNotEqualTo(other);
    assertThat(one.stream().map(SyntheticApplicant::fullName).toList())
        .isNotEqualTo(other.stream().map(SyntheticApplicant::fullName).toList());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shouldGenerateOnlyApplicantsTheRegistrationApiAccepts(long seed) {
    // when
    List<SyntheticApplicant> cohort = new CohortGenerator(seed).generate(1_000);

    // then
    assertThat(cohort).hasSize(1_000);
    assertThat(cohort)
        .allSatisfy(
            applicant ->
                assertThat(RegistrationRules.violations(applicant))
                    .as(applicant.email())
                    .isEmpty());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shouldSpreadTheRealCohortOverExactlySeventyEightCountries(long seed) {
    // when
    List<SyntheticApplicant> cohort = new CohortGenerator(seed).generate(762, 78);

    // then
    assertThat(cohort).hasSize(762);
    assertThat(countries(cohort)).hasSize(78);
    assertThat(cohort).allSatisfy(a -> assertThat(RegistrationRules.violations(a)).isEmpty());
  }

  @Test
  void shouldSpreadOverAsManyCountriesAsApplicantsWhenAsked() {
    // when
    List<SyntheticApplicant> cohort = new CohortGenerator(3).generate(12, 12);

    // then
    assertThat(countries(cohort)).hasSize(12);
  }

  @Test
  void shouldRefuseMoreCountriesThanApplicantsOrThanItKnows() {
    CohortGenerator generator = new CohortGenerator(1);

    assertThatThrownBy(() -> generator.generate(10, 11))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> generator.generate(100_000, CohortGenerator.countryCount() + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> generator.generate(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> generator.generate(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(generator.generate(0)).isEmpty();
  }

  @Test
  void shouldKnowOverAHundredCountriesWithValidCodesZonesAndLanguages() {
    assertThat(CohortGenerator.countryCount()).isGreaterThanOrEqualTo(100);
    assertThat(CohortGenerator.countryCodes())
        .doesNotHaveDuplicates()
        .startsWith("AU", "US", "GB")
        .allSatisfy(code -> assertThat(Set.of(java.util.Locale.getISOCountries())).contains(code));
  }

  @Test
  void shouldGiveEveryApplicantAUniqueEmailOnReservedDomains() {
    // when
    List<SyntheticApplicant> cohort = new CohortGenerator(11).generate(10_000, 100);

    // then
    assertThat(cohort.stream().map(SyntheticApplicant::email)).doesNotHaveDuplicates();
    assertThat(cohort)
        .allSatisfy(a -> assertThat(a.email()).matches("[a-z0-9.-]+\\.[0-9]+@example\\.(org|net)"));
  }

  @Test
  void shouldReproduceTheSkewOfARealProgramme() {
    // when
    Map<String, Long> byCountry = count(LARGE, SyntheticApplicant::countryCode);
    List<String> top = top(byCountry, 3);

    // then: Australia, the US and the UK lead and together are about two fifths
    assertThat(top).containsExactly("AU", "US", "GB");
    long big3 = byCountry.get("AU") + byCountry.get("US") + byCountry.get("GB");
    assertThat(share(big3)).isBetween(0.30, 0.45);
    // and a long tail: over a hundred countries, many with under 0.5% each
    assertThat(byCountry).hasSizeGreaterThan(100);
    assertThat(byCountry.values().stream().filter(c -> share(c) < 0.005).count()).isGreaterThan(50);
  }

  @Test
  void shouldReproduceTheSkewInTheRealSizedCohortToo() {
    // when
    List<SyntheticApplicant> cohort = new CohortGenerator(2014).generate(762, 78);
    Map<String, Long> byCountry = count(cohort, SyntheticApplicant::countryCode);

    // then
    assertThat(top(byCountry, 3)).containsExactlyInAnyOrder("AU", "US", "GB");
    long big3 = byCountry.get("AU") + byCountry.get("US") + byCountry.get("GB");
    assertThat((double) big3 / cohort.size()).isGreaterThan(0.3);
  }

  @Test
  void shouldLetAClearMajorityCorrespondInEnglishButNotEveryone() {
    // when
    long english = LARGE.stream().filter(a -> a.corresponds("en")).count();
    List<SyntheticApplicant> withoutEnglish =
        LARGE.stream().filter(a -> !a.corresponds("en")).toList();

    // then
    assertThat(share(english)).isBetween(0.80, 0.95);
    assertThat(share(withoutEnglish.size())).isGreaterThan(0.03);
    assertThat(languages(withoutEnglish)).contains("es", "fr", "zh", "pt", "ja");
  }

  @Test
  void shouldIncludeMonolingualSpeakersOfRareLanguages() {
    // given: languages fewer than 0.5% of the cohort can correspond in
    Map<String, Long> correspondents =
        LARGE.stream()
            .flatMap(a -> a.languages().stream())
            .filter(LanguageSkill::correspondence)
            .collect(groupingBy(LanguageSkill::code, counting()));
    Set<String> rare =
        correspondents.entrySet().stream()
            .filter(e -> share(e.getValue()) < 0.005)
            .map(Map.Entry::getKey)
            .collect(toSet());

    // when
    long monolingualInRare =
        LARGE.stream()
            .filter(a -> a.languages().size() == 1 && rare.contains(a.languages().get(0).code()))
            .count();

    // then
    assertThat(rare).contains("mn", "km");
    assertThat(monolingualInRare).isPositive();
  }

  @Test
  void shouldMakeSomeApplicantsHardToMatchAndSomeReturning() {
    // when
    long avoiding = countWhere(a -> !a.preferences().avoidCountries().isEmpty());
    long returning = countWhere(SyntheticApplicant::returning);
    long noSectorPreference =
        countWhere(a -> a.preferences().sector() == SectorPreference.NO_PREFERENCE);

    // then
    assertThat(share(avoiding)).isBetween(0.02, 0.04);
    assertThat(share(returning)).isBetween(0.13, 0.17);
    assertThat(share(noSectorPreference)).isBetween(0.70, 0.80);
    // avoided countries are mostly the big ones
    Map<String, Long> avoided =
        LARGE.stream()
            .flatMap(a -> a.preferences().avoidCountries().stream())
            .collect(groupingBy(c -> c, counting()));
    assertThat(top(avoided, 2)).containsExactlyInAnyOrder("AU", "US");
  }

  @Test
  void shouldSpreadLargeCountriesOverSeveralTimeZones() {
    // when
    Map<String, Set<String>> zones =
        LARGE.stream()
            .collect(
                groupingBy(
                    SyntheticApplicant::countryCode,
                    java.util.stream.Collectors.mapping(SyntheticApplicant::timeZone, toSet())));

    // then
    assertThat(zones.get("AU")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(zones.get("US")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(zones.get("CA")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(zones.get("BR")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(zones.get("RU")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldMixSectorsAndSkewExperienceYoung() {
    // when
    Map<LibrarySector, Long> sectors = count(LARGE, SyntheticApplicant::sector);
    List<Integer> years =
        LARGE.stream().map(SyntheticApplicant::yearsInProfession).sorted().toList();

    // then
    assertThat(sectors).containsOnlyKeys(LibrarySector.values());
    assertThat(sectors.get(LibrarySector.ACADEMIC))
        .isGreaterThan(sectors.get(LibrarySector.SCHOOL));
    assertThat(sectors.get(LibrarySector.PUBLIC)).isGreaterThan(sectors.get(LibrarySector.OTHER));
    assertThat(years.get(years.size() / 2)).isBetween(3, 8);
    assertThat(years.get(years.size() - 1)).isBetween(30, 40);
    assertThat(years.get(0)).isZero();
  }

  @Test
  void shouldCorrelateInterestsWithSector() {
    // when
    double schoolChildren = interestShare(LibrarySector.SCHOOL, "children-and-youth");
    double academicChildren = interestShare(LibrarySector.ACADEMIC, "children-and-youth");
    double academicOpenAccess = interestShare(LibrarySector.ACADEMIC, "open-access");
    double publicOpenAccess = interestShare(LibrarySector.PUBLIC, "open-access");

    // then
    assertThat(schoolChildren).isGreaterThan(3 * academicChildren);
    assertThat(academicOpenAccess).isGreaterThan(3 * publicOpenAccess);
    assertThat(LARGE.stream().flatMap(a -> a.interests().stream()).distinct())
        .hasSize(Interests.TAXONOMY.size());
  }

  @Test
  void shouldWriteToSpanishAndFrenchSpeakersInTheirLanguageMostly() {
    // when
    Map<String, Long> locales = count(LARGE, SyntheticApplicant::locale);

    // then
    assertThat(locales).containsOnlyKeys("en", "es", "fr");
    assertThat(share(locales.get("en"))).isGreaterThan(0.85);
    assertThat(LARGE)
        .filteredOn(a -> !a.locale().equals("en"))
        .allSatisfy(a -> assertThat(a.corresponds(a.locale())).isTrue());
  }

  @Test
  void shouldGenerateAHundredThousandApplicants() {
    // when: the matching benchmarks' largest cohort (deliberately no timing assertion)
    List<SyntheticApplicant> cohort = new CohortGenerator(100_000).generate(100_000);

    // then
    assertThat(cohort).hasSize(100_000);
    assertThat(cohort.stream().map(SyntheticApplicant::email)).doesNotHaveDuplicates();
    assertThat(countries(cohort)).hasSize(CohortGenerator.countryCount());
    assertThat(cohort).allSatisfy(a -> assertThat(RegistrationRules.violations(a)).isEmpty());
  }

  private static List<String> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static double interestShare(LibrarySector sector, String interest) {
    List<SyntheticApplicant> inSector = LARGE.stream().filter(a -> a.sector() == sector).toList();
    return (double) inSector.stream().filter(a -> a.interests().contains(interest)).count()
        / inSector.size();
  }

  private static long countWhere(Predicate<SyntheticApplicant> predicate) {
    return LARGE.stream().filter(predicate).count();
  }

  private static double share(long count) {
    return (double) count / LARGE.size();
  }

  private static Set<String> countries(List<SyntheticApplicant> cohort) {
    return cohort.stream().map(SyntheticApplicant::countryCode).collect(toSet());
  }

  private static Set<String> languages(List<SyntheticApplicant> cohort) {
    return cohort.stream()
        .flatMap(a -> a.languages().stream())
        .filter(LanguageSkill::correspondence)
        .map(LanguageSkill::code)
        .collect(toSet());
  }

  private static <K> Map<K, Long> count(
      List<SyntheticApplicant> cohort, java.util.function.Function<SyntheticApplicant, K> key) {
    return cohort.stream().collect(groupingBy(key, counting()));
  }
}
