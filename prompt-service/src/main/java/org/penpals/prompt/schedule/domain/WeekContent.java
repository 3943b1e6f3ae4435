package org.penpals.prompt.schedule.domain;

import java.util.Map;
import java.util.Objects;
import org.penpals.prompt.library.PromptKind;
import org.penpals.prompt.library.Translation;

/**
 * What a participant receives for a week: English title and Markdown body with translations.
 *
 * @param promptId the library prompt it comes from (the touchpoint's, in a touchpoint week)
 */
public record WeekContent(
    String promptId,
    PromptKind kind,
    String title,
    String body,
    Map<String, Translation> translations) {

  public WeekContent {
    Objects.requireNonNull(promptId, "promptId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    translations = Map.copyOf(translations);
  }

  /** The text in {@code locale} if translated, otherwise English. */
  public Translation in(String locale) {
    Translation t = translations.get(locale);
    return t == null ? new Translation(title, body) : t;
  }
}
