package org.penpals.prompt.schedule.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.prompt.library.Translation;
import org.penpals.prompt.schedule.application.ScheduleService;
import org.penpals.prompt.schedule.application.WeekEdit;
import org.penpals.prompt.schedule.domain.CycleSchedule;
import org.penpals.prompt.schedule.domain.ScheduledWeek;
import org.penpals.prompt.schedule.domain.Topic;
import org.penpals.prompt.schedule.domain.Touchpoint;
import org.penpals.prompt.schedule.domain.WeekContent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A cycle's own schedule: made from the library when its first partnership forms; staff edit each
 * prompt until it is first sent (then 409).
 */
@RestController
@RequestMapping("/api/prompts/cycles/{cycleId}")
@Tag(name = "Cycle schedules", description = "Each cycle's prompts, editable until sent (staff)")
@SecurityRequirement(name = "bearer")
public class ScheduleController {
  private final ScheduleService schedules;

  public ScheduleController(ScheduleService schedules) {
    this.schedules = schedules;
  }

  public record CalendarView(
      LocalDate startsOn, int lengthWeeks, String cadence, DayOfWeek weekday, int hour) {}

  public record ScheduleView(
      String cycleId,
      String name,
      CalendarView calendar,
      long reportGraceDays,
      int prompts,
      List<WeekView> weeks) {}

  /**
   * @param status {@code EDITABLE} until first sent, then {@code SENT}
   * @param content what participants receive (touchpoint weeks carry the topic below the check-in
   *     or survey)
   */
  public record WeekView(
      int number,
      int week,
      LocalDate date,
      String kind,
      String status,
      @Nullable Instant sentAt,
      Topic topic,
      @Nullable Touchpoint touchpoint,
      WeekContent content) {
    static WeekView of(ScheduledWeek w) {
      return new WeekView(
          w.number(),
          w.week(),
          w.date(),
          w.kind().name(),
          w.sent() ? "SENT" : "EDITABLE",
          w.sentAt(),
          w.topic(),
          w.touchpoint(),
          w.content());
    }
  }

  /**
   * A change to one prompt: {@code promptId} of another library topic, or new {@code title}, {@code
   * body}, {@code theme}, {@code translations} for the topic; {@code touchpoint} for the check-in
   * or survey text. What is not given stays.
   */
  public record WeekRequest(
      @Nullable String promptId,
      @Nullable String title,
      @Nullable String body,
      @Nullable String theme,
      @Nullable Map<String, Translation> translations,
      WeekEdit.@Nullable TouchpointEdit touchpoint) {}

  public record Settings(@Nullable Integer reportGraceDays) {}

  @GetMapping("/schedule")
  @Operation(summary = "The cycle's schedule, prompt by prompt, with what is sent and when")
  public ScheduleView schedule(@PathVariable String cycleId) {
    CycleSchedule header = schedules.header(cycleId);
    return view(header, schedules.weeks(cycleId));
  }

  @GetMapping("/schedule/{number}")
  @Operation(summary = "One prompt of the cycle's schedule")
  public WeekView week(@PathVariable String cycleId, @PathVariable int number) {
    return WeekView.of(schedules.week(cycleId, number));
  }

  @PutMapping("/schedule/{number}")
  @Operation(summary = "Edit a prompt that has not been sent yet (409 once it was)")
  public WeekView edit(
      @PathVariable String cycleId,
      @PathVariable int number,
      @RequestBody @Nullable WeekRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    return WeekView.of(
        schedules.edit(
            cycleId,
            number,
            new WeekEdit(
                request.promptId(),
                request.title(),
                request.body(),
                request.theme(),
                request.translations() == null ? null : new LinkedHashMap<>(request.translations()),
                request.touchpoint())));
  }

  @PutMapping("/settings")
  @Operation(
      summary =
          "Cycle settings: how many days a partner reported silent has to answer before the"
              + " partnership is flagged quiet (default 7)")
  public ScheduleView settings(
      @PathVariable String cycleId, @RequestBody @Nullable Settings settings) {
    if (settings == null || settings.reportGraceDays() == null) {
      throw InvalidInput.of("reportGraceDays", "is required");
    }
    CycleSchedule header =
        schedules.setReportGrace(cycleId, Duration.ofDays(settings.reportGraceDays()));
    return view(header, schedules.weeks(cycleId));
  }

  private static ScheduleView view(CycleSchedule h, List<ScheduledWeek> weeks) {
    var c = h.calendar();
    return new ScheduleView(
        h.cycleId(),
        h.name(),
        new CalendarView(c.startsOn(), c.lengthWeeks(), c.cadence().name(), c.weekday(), c.hour()),
        h.reportGrace().toDays(),
        h.prompts(),
        weeks.stream().map(WeekView::of).toList());
  }
}
