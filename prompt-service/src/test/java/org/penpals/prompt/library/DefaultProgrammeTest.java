package org.penpals.prompt.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.InvalidInput;

class DefaultProgrammeTest {
  @Test
  void shouldHoldAtLeast17TopicsAndTheThreeTouchpointsInEnglishSpanishAndFrench() {
    List<LibraryPrompt> prompts = DefaultProgramme.prompts();

    assertThat(prompts.stream().filter(p -> p.kind() == PromptKind.PROMPT).count())
        .isGreaterThanOrEqualTo(17);
    assertThat(prompts)
        .extracting(LibraryPrompt::kind)
        .contains(PromptKind.CHECK_IN, PromptKind.MID_SURVEY, PromptKind.FINAL_SURVEY);
    assertThat(prompts).allSatisfy(p -> assertThat(p.translations()).containsKeys("es", "fr"));
    assertThat(prompts.stream().map(LibraryPrompt::id).distinct()).hasSize(prompts.size());
    LibraryPrompt last =
        prompts.stream()
            .filter(p -> p.kind() == PromptKind.PROMPT)
            .max(java.util.Comparator.comparingInt(LibraryPrompt::position))
            .orElseThrow();
    assertThat(last.title()).isEqualTo("What now?");
  }

  /** Spanish tú and vosotros forms that never belong to a text in usted, and "pareja". */
  static final Pattern SPANISH_TU =
      Pattern.compile(
          "\\b(tú|tu|tus|te|ti|contigo|vosotros|vosotras|vuestro|vuestra|vuestros|vuestras|os"
              + "|pareja|parejas|cuéntale|pregúntale|háblale|pídele|dale|comparad|redactad|sed"
              + "|daos|tienes|puedes|quieres|has|estás|eres|estáis|habéis|lleváis|sois)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  /** French tu forms. */
  static final Pattern FRENCH_TU =
      Pattern.compile(
          "\\b(tu|toi|ton|ta|tes|te)\\b|(?<!\\p{L})t'",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  /** "Binôme" is the pair; the partner, a person, is "partenaire". */
  static final Pattern FRENCH_PARTNER_AS_BINOME =
      Pattern.compile("\\b(à|de|avec) votre binôme\\b", Pattern.UNICODE_CHARACTER_CLASS);

  static List<String> texts(List<LibraryPrompt> prompts, String language) {
    return prompts.stream()
        .map(p -> p.translations().get(language))
        .flatMap(t -> java.util.stream.Stream.of(t.title(), t.body()))
        .toList();
  }

  @Test
  void shouldAddressSpanishReadersAsUstedAndTheirPartnerAsCompañero() {
    List<String> spanish = texts(DefaultProgramme.prompts(), "es");

    assertThat(spanish)
        .allSatisfy(text -> assertThat(SPANISH_TU.matcher(text).find()).as(text).isFalse());
    assertThat(String.join("\n", spanish)).contains("su compañero o compañera");
    // the detector finds the tú of the earlier default programme
    assertThat(
            DefaultProgramme.earlierTexts().values().stream()
                .flatMap(List::stream)
                .flatMap(p -> texts(List.of(p), "es").stream())
                .filter(text -> SPANISH_TU.matcher(text).find()))
        .hasSizeGreaterThan(15);
  }

  @Test
  void shouldAddressFrenchReadersAsVousAndTheirPartnerAsPartenaire() {
    List<String> french = texts(DefaultProgramme.prompts(), "fr");

    assertThat(french)
        .allSatisfy(
            text -> {
              assertThat(FRENCH_TU.matcher(text).find()).as(text).isFalse();
              assertThat(FRENCH_PARTNER_AS_BINOME.matcher(text).find()).as(text).isFalse();
            });
    assertThat(String.join("\n", french)).contains("votre partenaire");
  }

  @Test
  void shouldKnowTheEarlierDefaultTextOfEveryDefaultPrompt() {
    Map<String, List<LibraryPrompt>> earlier = DefaultProgramme.earlierTexts();

    assertThat(DefaultProgramme.prompts())
        .allSatisfy(p -> assertThat(earlier).containsKey(p.id()))
        .anySatisfy(
            p -> assertThat(PromptLibrary.sameText(p, earlier.get(p.id()).get(0))).isFalse());
  }

  @Test
  void shouldNameEveryBrokenFieldOfALibraryPrompt() {
    assertThatThrownBy(
            () ->
                new LibraryPrompt(
                    "Bad Id",
                    PromptKind.PROMPT,
                    " ",
                    "body",
                    "theme",
                    Map.of("xx", new Translation("t", "b"), "en", new Translation("t", "b")),
                    0))
        .isInstanceOf(InvalidInput.class)
        .satisfies(
            e ->
                assertThat(((InvalidInput) e).violations())
                    .extracting(v -> v.field())
                    .contains("id", "title", "position", "translations.xx", "translations.en"));
  }
}
