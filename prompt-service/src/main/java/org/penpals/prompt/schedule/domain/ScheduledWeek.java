package org.penpals.prompt.schedule.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.StateConflict;
import org.penpals.prompt.library.PromptKind;
import org.penpals.prompt.library.Translation;

/**
 * One prompt of a cycle's schedule: its topic and, in the touchpoint weeks, the check-in or survey.
 * Staff may edit it until it is first sent to anyone in the cycle; from then on it is what everyone
 * gets.
 *
 * @param number the prompt's number (1-based; the week for weekly cycles)
 * @param week the programme week it falls in
 * @param date the local date it is sent on
 * @param sentAt when it was first sent to someone, which froze it
 * @param version counts edits (optimistic locking)
 */
public record ScheduledWeek(
    String cycleId,
    int number,
    int week,
    LocalDate date,
    Topic topic,
    @Nullable Touchpoint touchpoint,
    @Nullable Instant sentAt,
    long version) {

  public ScheduledWeek {
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(topic, "topic");
  }

  public boolean sent() {
    return sentAt != null;
  }

  public PromptKind kind() {
    return touchpoint == null ? PromptKind.PROMPT : touchpoint.kind();
  }

  /**
   * What participants receive. A touchpoint week leads with the check-in or survey and carries the
   * week's topic below it, so nobody loses a week of discussion.
   */
  public WeekContent content() {
    if (touchpoint == null) {
      return new WeekContent(
          topic.promptId(), PromptKind.PROMPT, topic.title(), topic.body(), topic.translations());
    }
    Map<String, Translation> translations = new TreeMap<>();
    for (String locale : union(touchpoint.translations(), topic.translations())) {
      Translation tp =
          touchpoint
              .translations()
              .getOrDefault(locale, new Translation(touchpoint.title(), touchpoint.body()));
      Translation t =
          topic.translations().getOrDefault(locale, new Translation(topic.title(), topic.body()));
      translations.put(locale, combine(tp, t));
    }
    Translation english =
        combine(
            new Translation(touchpoint.title(), touchpoint.body()),
            new Translation(topic.title(), topic.body()));
    return new WeekContent(
        touchpoint.promptId(), touchpoint.kind(), english.title(), english.body(), translations);
  }

  /** The week with a new topic or touchpoint text; refused once it was sent. */
  public ScheduledWeek edited(Topic newTopic, @Nullable Touchpoint newTouchpoint) {
    if (sent()) {
      throw new StateConflict(
          "prompt " + number + " was already sent on " + sentAt + " and can no longer change",
          "number");
    }
    return new ScheduledWeek(
        cycleId, number, week, date, newTopic, newTouchpoint, null, version + 1);
  }

  private static Translation combine(Translation touchpoint, Translation topic) {
    return new Translation(
        touchpoint.title() + " · " + topic.title(),
        touchpoint.body() + "\n\n---\n\n## " + topic.title() + "\n\n" + topic.body());
  }

  private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
    java.util.Set<String> all = new java.util.TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    return all;
  }
}
