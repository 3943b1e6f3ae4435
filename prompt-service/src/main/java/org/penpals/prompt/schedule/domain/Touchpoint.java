package org.penpals.prompt.schedule.domain;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;
import org.penpals.prompt.library.LibraryPrompt;
import org.penpals.prompt.library.PromptKind;
import org.penpals.prompt.library.Translation;

/** A programme touchpoint added to a week: the check-in or a survey, answered by participants. */
public record Touchpoint(
    String promptId,
    PromptKind kind,
    String title,
    String body,
    Map<String, Translation> translations) {

  public Touchpoint {
    Objects.requireNonNull(kind, "kind");
    if (!kind.touchpoint()) {
      throw new IllegalArgumentException("a touchpoint is a check-in or a survey");
    }
    Rules rules = new Rules();
    rules.text(promptId, "touchpoint.promptId", 1, 80);
    title = rules.text(title, "touchpoint.title", 1, LibraryPrompt.MAX_TITLE);
    body = rules.text(LibraryPrompt.normalise(body), "touchpoint.body", 1, LibraryPrompt.MAX_BODY);
    translations = LibraryPrompt.translations(translations, rules, "touchpoint.translations");
    rules.throwIfAny();
  }

  public static Touchpoint of(LibraryPrompt p) {
    return new Touchpoint(p.id(), p.kind(), p.title(), p.body(), p.translations());
  }

  public Touchpoint with(
      @Nullable String title,
      @Nullable String body,
      @Nullable Map<String, Translation> translations) {
    return new Touchpoint(
        promptId,
        kind,
        title == null ? this.title : title,
        body == null ? this.body : body,
        translations == null ? this.translations : translations);
  }
}
