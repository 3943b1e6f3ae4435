package org.penpals.prompt.schedule.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;
import org.penpals.prompt.library.LibraryPrompt;
import org.penpals.prompt.library.Translation;

/**
 * A week's discussion topic, copied from the library into a cycle's schedule and editable there.
 */
public record Topic(
    String promptId,
    String title,
    String body,
    String theme,
    Map<String, Translation> translations) {

  public Topic {
    Rules rules = new Rules();
    rules.text(promptId, "promptId", 1, 80);
    title = rules.text(title, "title", 1, LibraryPrompt.MAX_TITLE);
    body = rules.text(LibraryPrompt.normalise(body), "body", 1, LibraryPrompt.MAX_BODY);
    theme = rules.text(theme, "theme", 1, 60);
    translations = LibraryPrompt.translations(translations, rules, "translations");
    rules.throwIfAny();
  }

  public static Topic of(LibraryPrompt p) {
    return new Topic(p.id(), p.title(), p.body(), p.theme(), p.translations());
  }

  /** This topic with the given parts changed (null: unchanged). */
  public Topic with(
      @Nullable String title,
      @Nullable String body,
      @Nullable String theme,
      @Nullable Map<String, Translation> translations) {
    return new Topic(
        promptId,
        title == null ? this.title : title,
        body == null ? this.body : body,
        theme == null ? this.theme : theme,
        translations == null ? this.translations : translations);
  }
}
