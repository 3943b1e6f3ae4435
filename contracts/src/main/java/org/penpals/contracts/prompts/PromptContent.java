package org.penpals.contracts.prompts;

import java.util.Map;
import java.util.Objects;

/**
 * A prompt's text as it was when planned or sent.
 *
 * @param promptId the library prompt it comes from
 * @param kind {@code PROMPT}, {@code CHECK_IN} (week 3 "have you connected?"), {@code MID_SURVEY}
 *     or {@code FINAL_SURVEY}
 * @param title English title
 * @param body English body, Markdown
 * @param translations locale (e.g. {@code es}) to {@code {title, body}}
 */
public record PromptContent(
    String promptId,
    String kind,
    String title,
    String body,
    Map<String, Translation> translations) {
  public PromptContent {
    Objects.requireNonNull(promptId, "promptId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    translations = Map.copyOf(Objects.requireNonNull(translations, "translations"));
  }

  /** A prompt in another language. */
  public record Translation(String title, String body) {}
}
