package org.penpals.prompt.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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
