package org.penpals.prompt.schedule.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.penpals.prompt.library.LibraryPrompt;
import org.penpals.prompt.library.PromptKind;

/**
 * Turns the library into a cycle's own schedule, for the cycle's length and cadence.
 *
 * <ul>
 *   <li>Topics go out in library order, one per prompt; the <em>last</em> topic of the library (the
 *       "what now?" wrap-up) always closes the cycle. A library with more topics than the cycle has
 *       prompts leaves the ones before the wrap-up unused (staff can swap them in); one with fewer
 *       repeats its middle topics.
 *   <li>Touchpoints: the final survey on the last prompt, the check-in on the first prompt in week
 *       3 or later, the mid-cycle survey on the first prompt at or after the middle week (never the
 *       first week). When two fall on one prompt (very short cycles) the final survey wins, then
 *       the check-in.
 * </ul>
 */
public final class Programme {
  private Programme() {}

  public static List<ScheduledWeek> build(
      String cycleId, ProgrammeCalendar calendar, List<LibraryPrompt> library) {
    List<LibraryPrompt> topics =
        library.stream()
            .filter(p -> p.kind() == PromptKind.PROMPT)
            .sorted(
                Comparator.comparingInt(LibraryPrompt::position).thenComparing(LibraryPrompt::id))
            .toList();
    if (topics.isEmpty()) {
      throw new IllegalStateException("the prompt library has no topics");
    }
    int prompts = calendar.prompts();
    List<LibraryPrompt> chosen = topicsFor(prompts, topics);
    Map<Integer, PromptKind> touchpoints = touchpoints(calendar);
    List<ScheduledWeek> weeks = new ArrayList<>(prompts);
    for (int n = 1; n <= prompts; n++) {
      PromptKind kind = touchpoints.get(n);
      Touchpoint touchpoint =
          kind == null ? null : first(library, kind).map(Touchpoint::of).orElse(null);
      weeks.add(
          new ScheduledWeek(
              cycleId,
              n,
              calendar.week(n),
              calendar.date(n),
              Topic.of(chosen.get(n - 1)),
              touchpoint,
              null,
              0));
    }
    return weeks;
  }

  /** Which prompt numbers carry which touchpoint. */
  public static Map<Integer, PromptKind> touchpoints(ProgrammeCalendar calendar) {
    Map<Integer, PromptKind> at = new LinkedHashMap<>();
    int prompts = calendar.prompts();
    if (prompts >= 2) {
      at.put(prompts, PromptKind.FINAL_SURVEY);
    }
    firstAtOrAfterWeek(calendar, 3).ifPresent(n -> at.putIfAbsent(n, PromptKind.CHECK_IN));
    firstAtOrAfterWeek(calendar, Math.max(2, (calendar.lengthWeeks() + 1) / 2))
        .ifPresent(n -> at.putIfAbsent(n, PromptKind.MID_SURVEY));
    return at;
  }

  static List<LibraryPrompt> topicsFor(int prompts, List<LibraryPrompt> topics) {
    LibraryPrompt closing = topics.get(topics.size() - 1);
    List<LibraryPrompt> chosen = new ArrayList<>(prompts);
    if (topics.size() >= prompts) {
      chosen.addAll(topics.subList(0, prompts - 1));
    } else {
      chosen.addAll(topics.subList(0, topics.size() - 1));
      List<LibraryPrompt> middle =
          topics.size() > 2 ? topics.subList(1, topics.size() - 1) : topics.subList(0, 1);
      for (int i = 0; chosen.size() < prompts - 1; i++) {
        chosen.add(middle.get(i % middle.size()));
      }
    }
    chosen.add(closing);
    return chosen;
  }

  private static Optional<Integer> firstAtOrAfterWeek(ProgrammeCalendar calendar, int week) {
    for (int n = 1; n <= calendar.prompts(); n++) {
      if (calendar.week(n) >= week) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private static Optional<LibraryPrompt> first(List<LibraryPrompt> library, PromptKind kind) {
    return library.stream()
        .filter(p -> p.kind() == kind)
        .min(Comparator.comparingInt(LibraryPrompt::position).thenComparing(LibraryPrompt::id));
  }
}
