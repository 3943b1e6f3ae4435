package org.penpals.prompt.partnership.application;

import org.penpals.contracts.prompts.PromptContent;
import org.penpals.prompt.schedule.domain.WeekContent;

/** Maps a week's content to the integration events' shape. */
final class Contents {
  private Contents() {}

  static PromptContent of(WeekContent c) {
    java.util.Map<String, PromptContent.Translation> translations = new java.util.TreeMap<>();
    c.translations()
        .forEach((k, t) -> translations.put(k, new PromptContent.Translation(t.title(), t.body())));
    return new PromptContent(c.promptId(), c.kind().name(), c.title(), c.body(), translations);
  }
}
