package org.penpals.registration.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.InvalidInput;

class ProfileTest {
  static Profile profile(
      String email, String country, List<Language> languages, List<String> avoid) {
    return new Profile(
        " Maria Petrova ",
        email,
        country,
        "Plovdiv",
        "Library",
        Sector.PUBLIC,
        "Librarian",
        7,
        languages,
        List.of("advocacy"),
        null,
        "Europe/Sofia",
        null,
        avoid,
        false,
        null);
  }

  @Test
  void shouldNormaliseAndDefault() {
    Profile p = profile("Maria@Example.ORG", "BG", List.of(new Language("bg", true)), null);

    assertThat(p.email()).isEqualTo("maria@example.org");
    assertThat(p.fullName()).isEqualTo("Maria Petrova");
    assertThat(p.hopes()).isEmpty();
    assertThat(p.sectorPreference()).isEqualTo(SectorPreference.NO_PREFERENCE);
    assertThat(p.avoidCountries()).isEmpty();
    assertThat(p.locale()).isEqualTo("en");
    assertThat(p.correspondenceLanguages()).containsExactly("bg");
  }

  @Test
  void shouldNameEveryBrokenRule() {
    assertThatThrownBy(
            () ->
                profile(
                    "maria@",
                    "ZZ",
                    List.of(
                        new Language("bg", false),
                        new Language("bg", true),
                        new Language("qq", true)),
                    List.of("ZZ")))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .contains(
                        "email",
                        "countryCode",
                        "languages[1].code",
                        "languages[2].code",
                        "preferences.avoidCountries[0]"));
  }

  @Test
  void shouldRequireALanguageForCorrespondence() {
    assertThatThrownBy(
            () -> profile("a@example.org", "BG", List.of(new Language("bg", false)), null))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations()).extracting(v -> v.field()).containsExactly("languages"));
  }

  @Test
  void shouldKnowIsoCodesAndZones() {
    assertThat(Iso.isCountry("BG")).isTrue();
    assertThat(Iso.isCountry("bg")).isFalse();
    assertThat(Iso.isLanguage("bg")).isTrue();
    assertThat(Iso.isLanguage("bul")).isFalse();
    assertThat(Iso.isTimeZone("Australia/Perth")).isTrue();
    assertThat(Iso.isTimeZone("Mars/Olympus_Mons")).isFalse();
    assertThat(Iso.isTimeZone("SystemV/AST4")).isFalse();
  }
}
