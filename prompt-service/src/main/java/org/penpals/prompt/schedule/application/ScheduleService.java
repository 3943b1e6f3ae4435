package org.penpals.prompt.schedule.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.Rules;
import org.penpals.platform.domain.StateConflict;
import org.penpals.prompt.library.LibraryPrompt;
import org.penpals.prompt.library.PromptKind;
import org.penpals.prompt.schedule.domain.CycleSchedule;
import org.penpals.prompt.schedule.domain.KnownCycle;
import org.penpals.prompt.schedule.domain.Programme;
import org.penpals.prompt.schedule.domain.ScheduledWeek;
import org.penpals.prompt.schedule.domain.Topic;
import org.penpals.prompt.schedule.domain.Touchpoint;

/** Cycle schedules: made from the library at a cycle's first partnership, edited by staff. */
public class ScheduleService {
  private final ScheduleStore schedules;
  private final CycleStore cycles;
  private final Supplier<List<LibraryPrompt>> library;
  private final Function<String, Optional<LibraryPrompt>> libraryPrompt;
  private final Duration defaultReportGrace;
  private final ProgrammeTimers programmeTimers;
  private final Clock clock;
  private final Map<String, Cached> headers = new ConcurrentHashMap<>();

  /** Headers change only when staff set the grace period: kept for a few seconds. */
  private record Cached(CycleSchedule header, long until) {}

  private static final long HEADER_TTL_NANOS = 5_000_000_000L;

  public ScheduleService(
      ScheduleStore schedules,
      CycleStore cycles,
      Supplier<List<LibraryPrompt>> library,
      Function<String, Optional<LibraryPrompt>> libraryPrompt,
      Duration defaultReportGrace,
      ProgrammeTimers programmeTimers,
      Clock clock) {
    this.schedules = schedules;
    this.programmeTimers = programmeTimers;
    this.cycles = cycles;
    this.library = library;
    this.libraryPrompt = libraryPrompt;
    this.defaultReportGrace = defaultReportGrace;
    this.clock = clock;
  }

  /** Registration described a cycle (drafted, updated, opened, closed). */
  public void cycleChanged(KnownCycle cycle) {
    cycles.save(cycle);
  }

  public Optional<KnownCycle> cycle(String cycleId) {
    return cycles.find(cycleId);
  }

  /**
   * The cycle's schedule, made from the library now if it has none yet; empty if registration has
   * not described the cycle yet.
   */
  public Optional<CycleSchedule> ensure(String cycleId) {
    Optional<CycleSchedule> existing = cachedHeader(cycleId);
    if (existing.isPresent()) {
      return existing;
    }
    Optional<KnownCycle> cycle = cycles.find(cycleId);
    if (cycle.isEmpty()) {
      return Optional.empty();
    }
    List<ScheduledWeek> weeks = Programme.build(cycleId, cycle.get().calendar(), library.get());
    CycleSchedule header =
        new CycleSchedule(
            cycleId,
            cycle.get().name(),
            cycle.get().calendar(),
            weeks.size(),
            defaultReportGrace,
            clock.instant());
    // the programme's start and end are findable before the schedule exists (ProgrammeTime)
    programmeTimers.file(cycleId, header.calendar());
    return Optional.of(schedules.create(header, weeks));
  }

  public CycleSchedule header(String cycleId) {
    return cachedHeader(cycleId)
        .orElseThrow(() -> new NotFound("schedule of cycle " + cycleId, "cycleId"));
  }

  private Optional<CycleSchedule> cachedHeader(String cycleId) {
    long now = System.nanoTime();
    Cached cached = headers.get(cycleId);
    if (cached != null && now - cached.until() < 0) {
      return Optional.of(cached.header());
    }
    Optional<CycleSchedule> header = schedules.header(cycleId);
    header.ifPresent(h -> headers.put(cycleId, new Cached(h, now + HEADER_TTL_NANOS)));
    if (headers.size() > 10_000) {
      headers.clear();
    }
    return header;
  }

  public List<ScheduledWeek> weeks(String cycleId) {
    return schedules.weeks(cycleId, header(cycleId).prompts());
  }

  public ScheduledWeek week(String cycleId, int number) {
    CycleSchedule header = header(cycleId);
    if (number < 1 || number > header.prompts()) {
      throw new NotFound("prompt " + number + " of cycle " + cycleId, "number");
    }
    return schedules
        .week(cycleId, number)
        .orElseThrow(() -> new NotFound("prompt " + number + " of cycle " + cycleId, "number"));
  }

  /** The week as it is sent: frozen from now on. */
  public ScheduledWeek lockForSending(String cycleId, int number) {
    return schedules.markSent(cycleId, number, clock.instant());
  }

  /** Staff change a prompt that has not been sent yet (409 once it was). */
  public ScheduledWeek edit(String cycleId, int number, WeekEdit edit) {
    Rules rules = new Rules();
    boolean replaces = edit.promptId() != null;
    if (replaces && edit.changesTopicText()) {
      rules.add("promptId", "give either another library prompt or new text, not both");
    }
    if (!replaces && !edit.changesTopicText() && edit.touchpoint() == null) {
      rules.add("body", "says nothing to change");
    }
    rules.throwIfAny();
    LibraryPrompt replacement = null;
    if (replaces) {
      replacement =
          libraryPrompt
              .apply(edit.promptId())
              .orElseThrow(() -> InvalidInput.of("promptId", "is not a prompt of the library"));
      if (replacement.kind() != PromptKind.PROMPT) {
        throw InvalidInput.of("promptId", "must be a weekly topic (kind PROMPT)");
      }
    }
    for (int attempt = 0; attempt < 5; attempt++) {
      ScheduledWeek current = week(cycleId, number);
      Topic topic =
          replacement != null
              ? Topic.of(replacement)
              : current.topic().with(edit.title(), edit.body(), edit.theme(), edit.translations());
      Touchpoint touchpoint = current.touchpoint();
      if (edit.touchpoint() != null) {
        if (touchpoint == null) {
          throw InvalidInput.of("touchpoint", "this prompt has no check-in or survey");
        }
        var t = edit.touchpoint();
        touchpoint = touchpoint.with(t.title(), t.body(), t.translations());
      }
      ScheduledWeek edited = current.edited(topic, touchpoint);
      if (schedules.replace(current, edited)) {
        return edited;
      }
    }
    throw new StateConflict("this prompt is being changed by someone else; try again", "number");
  }

  public CycleSchedule setReportGrace(String cycleId, Duration grace) {
    if (grace.compareTo(CycleSchedule.MIN_GRACE) < 0
        || grace.compareTo(CycleSchedule.MAX_GRACE) > 0) {
      throw InvalidInput.of("reportGraceDays", "must be between 1 and 60 days");
    }
    header(cycleId);
    schedules.setReportGrace(cycleId, grace);
    headers.remove(cycleId);
    return header(cycleId);
  }
}
