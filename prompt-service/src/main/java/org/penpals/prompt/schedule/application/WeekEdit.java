package org.penpals.prompt.schedule.application;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.library.Translation;

/**
 * A staff change to one prompt of a cycle's schedule: another library topic ({@code promptId}), or
 * new text for the topic, and/or new text for the week's check-in or survey. Absent parts stay.
 */
public record WeekEdit(
    @Nullable String promptId,
    @Nullable String title,
    @Nullable String body,
    @Nullable String theme,
    @Nullable Map<String, Translation> translations,
    @Nullable TouchpointEdit touchpoint) {

  /** New text for the week's touchpoint; absent parts stay. */
  public record TouchpointEdit(
      @Nullable String title,
      @Nullable String body,
      @Nullable Map<String, Translation> translations) {}

  boolean changesTopicText() {
    return title != null || body != null || theme != null || translations != null;
  }
}
