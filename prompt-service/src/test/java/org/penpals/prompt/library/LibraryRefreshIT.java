package org.penpals.prompt.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.penpals.platform.testkit.SharedInfrastructure;

/**
 * An installation seeded by an earlier version gets the current default texts for the library
 * prompts staff never edited, on the real database; staff edits stay.
 */
class LibraryRefreshIT {
  @Test
  void shouldGiveUneditedDefaultPromptsTheCurrentTextAndKeepStaffEdits() {
    try (MongoClient client = MongoClients.create(SharedInfrastructure.mongoAddress())) {
      // given a library seeded with the earlier default programme, one prompt edited by staff
      PromptLibrary library =
          new PromptLibrary(client.getDatabase("library-" + UUID.randomUUID()), Clock.systemUTC());
      List<LibraryPrompt> earlier = DefaultProgramme.read(DefaultProgramme.EARLIER.get(0));
      library.seed(earlier);
      LibraryPrompt edited = earlier.get(0);
      Map<String, Translation> ours = new LinkedHashMap<>(edited.translations());
      ours.put("es", new Translation("Presentaciones", "Preséntese a su colega."));
      library.update(
          new LibraryPrompt(
              edited.id(),
              edited.kind(),
              edited.title(),
              edited.body(),
              edited.theme(),
              ours,
              edited.position()));

      // when the current version seeds
      List<LibraryPrompt> current = DefaultProgramme.prompts();
      int added = library.seed(current);
      int refreshed = library.refresh(current, DefaultProgramme.earlierTexts());

      // then every unedited prompt whose default changed has the current text, the edited one not
      assertThat(added).isZero();
      long changed =
          current.stream()
              .filter(c -> !PromptLibrary.sameText(c, byId(earlier, c.id())))
              .filter(c -> !c.id().equals(edited.id()))
              .count();
      assertThat(refreshed).isEqualTo((int) changed).isGreaterThan(15);
      for (LibraryPrompt c : current) {
        LibraryPrompt stored = library.find(c.id()).orElseThrow();
        if (c.id().equals(edited.id())) {
          assertThat(stored.translations().get("es").title()).isEqualTo("Presentaciones");
        } else {
          assertThat(PromptLibrary.sameText(stored, c)).as(c.id()).isTrue();
          assertThat(stored.position()).isEqualTo(c.position());
        }
      }
      // and seeding again changes nothing
      assertThat(library.refresh(current, DefaultProgramme.earlierTexts())).isZero();
    }
  }

  private static LibraryPrompt byId(List<LibraryPrompt> prompts, String id) {
    return prompts.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }
}
