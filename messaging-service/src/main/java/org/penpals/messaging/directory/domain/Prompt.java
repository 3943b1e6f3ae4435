package org.penpals.messaging.directory.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A prompt's text as prompt-service planned or sent it: English plus translations by language.
 *
 * @param kind {@code PROMPT}, {@code CHECK_IN}, {@code MID_SURVEY} or {@code FINAL_SURVEY}
 * @param body Markdown
 */
public record Prompt(String kind, String title, String body, Map<String, Text> translations) {
  public Prompt {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    translations = Map.copyOf(translations);
  }

  /** Title and body in one language. */
  public record Text(String title, String body) {
    public Text {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(body, "body");
    }
  }

  /** The text in {@code language} (e.g. {@code es}), else English. */
  public Text in(String language) {
    Text translated = translations.get(language);
    return translated != null ? translated : new Text(title, body);
  }
}
