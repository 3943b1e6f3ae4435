package org.penpals.prompt.partnership.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.library.Translation;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.MemberPlan;
import org.penpals.prompt.partnership.domain.Partnership;
import org.penpals.prompt.schedule.application.ScheduleService;
import org.penpals.prompt.schedule.domain.ScheduledWeek;
import org.penpals.prompt.schedule.domain.WeekContent;

/** What a participant sees of their own prompts: this week's, and the ones before it. */
public class MyPrompts {
  private final EngagementService engagement;
  private final MemberPlans plans;
  private final ScheduleService schedules;

  public MyPrompts(EngagementService engagement, MemberPlans plans, ScheduleService schedules) {
    this.engagement = engagement;
    this.plans = plans;
    this.schedules = schedules;
  }

  /** A prompt the participant received, in their language. */
  public record Received(
      int number,
      int week,
      String kind,
      String title,
      String body,
      Instant dueAt,
      Instant sentAt,
      boolean late,
      boolean answerable,
      boolean answered) {}

  /**
   * @param status the partnership's status (kept for compatibility: the same as {@code
   *     partnershipStatus})
   * @param partnershipStatus {@code ACTIVE}, {@code COMPLETED} (ran to the end of its cycle:
   *     nothing more comes, what was sent can still be answered), {@code DISSOLVED} or {@code
   *     ENDED} (formed after the cycle's last prompt)
   * @param current this week's prompt (the latest received), if any yet
   * @param past the earlier ones, newest first
   * @param nextDueAt when the next prompt is due, if any is left
   */
  public record View(
      String partnershipId,
      String cycleId,
      String status,
      String partnershipStatus,
      String locale,
      int first,
      int last,
      @Nullable Received current,
      List<Received> past,
      @Nullable Integer nextNumber,
      @Nullable Instant nextDueAt) {}

  public View of(String participantId) {
    Partnership p = engagement.partnershipOf(participantId);
    MemberPlan plan = plans.find(MemberPlan.id(p.id(), participantId)).orElse(null);
    String locale =
        p.member(participantId).map(m -> m.locale() == null ? "en" : m.locale()).orElse("en");
    List<Received> received = new ArrayList<>();
    Integer nextNumber = null;
    Instant nextDueAt = null;
    if (plan != null) {
      Map<Integer, ScheduledWeek> weeks =
          schedules.weeks(p.cycleId()).stream()
              .collect(Collectors.toMap(ScheduledWeek::number, Function.identity()));
      plans.deliveries(plan.deliveryIds()).values().stream()
          .filter(Delivery::sent)
          .sorted(Comparator.comparingInt(Delivery::number).reversed())
          .forEach(
              d -> {
                ScheduledWeek week = weeks.get(d.number());
                if (week == null) {
                  return;
                }
                WeekContent content = week.content();
                Translation text = content.in(locale);
                received.add(
                    new Received(
                        d.number(),
                        week.week(),
                        content.kind().name(),
                        text.title(),
                        text.body(),
                        d.dueAt(),
                        d.at(),
                        d.late(),
                        content.kind().touchpoint() && p.answerable(),
                        p.answered(participantId, d.number())));
              });
      if (plan.status() == MemberPlan.Status.ACTIVE && plan.next() <= plan.last() && p.active()) {
        nextNumber = plan.next();
        nextDueAt = plan.dueAt(plan.next());
      }
    }
    return new View(
        p.id(),
        p.cycleId(),
        p.status().name(),
        p.status().name(),
        locale,
        p.first(),
        p.last(),
        received.isEmpty() ? null : received.get(0),
        received.isEmpty() ? List.of() : List.copyOf(received.subList(1, received.size())),
        nextNumber,
        nextDueAt);
  }
}
