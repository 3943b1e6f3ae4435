package org.penpals.prompt.partnership.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.penpals.contracts.prompts.PromptsPlanned;
import org.penpals.prompt.library.PromptKind;
import org.penpals.prompt.partnership.domain.Member;
import org.penpals.prompt.partnership.domain.MemberPlan;
import org.penpals.prompt.partnership.domain.Partnership;
import org.penpals.prompt.partnership.domain.Timer;
import org.penpals.prompt.schedule.application.ScheduleService;
import org.penpals.prompt.schedule.domain.CycleSchedule;
import org.penpals.prompt.schedule.domain.Programme;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the prompts of each partnership as it forms (initial, late, replacement, manual), and stops
 * them when it is dissolved or a member erases their data.
 *
 * <p>Planning is idempotent and crash-safe: plans, the participant index and the timers are written
 * first, each idempotently; the partnership document, carrying {@code PromptsPlanned}, is written
 * last. A replayed {@code PartnershipFormed} finds the partnership and changes nothing; one
 * interrupted before its last write is redone.
 */
public class PlanningService {
  private static final Logger log = LoggerFactory.getLogger(PlanningService.class);

  private final Partnerships partnerships;
  private final MemberPlans plans;
  private final Participants participants;
  private final DueIndex timers;
  private final ScheduleService schedules;
  private final Duration quietAfterCheckIn;
  private final UnaryOperator<Instant> programmeTime;

  /**
   * @param programmeTime the programme time of a partnership's real {@code formedAt} (matching's
   *     clock): the same in real time, the programme's now on a demo clock that runs ahead
   */
  public PlanningService(
      Partnerships partnerships,
      MemberPlans plans,
      Participants participants,
      DueIndex timers,
      ScheduleService schedules,
      Duration quietAfterCheckIn,
      UnaryOperator<Instant> programmeTime) {
    this.partnerships = partnerships;
    this.plans = plans;
    this.participants = participants;
    this.timers = timers;
    this.schedules = schedules;
    this.quietAfterCheckIn = quietAfterCheckIn;
    this.programmeTime = programmeTime;
  }

  /** A partnership was formed. */
  public void formed(Formed formed) {
    if (partnerships.exists(formed.partnershipId())) {
      log.debug("partnership {} is known already; nothing to plan", formed.partnershipId());
      return;
    }
    Optional<CycleSchedule> schedule = schedules.ensure(formed.cycleId());
    if (schedule.isEmpty()) {
      log.info(
          "partnership {} waits for cycle {} to be described by registration",
          formed.partnershipId(),
          formed.cycleId());
      partnerships.insert(pending(formed), List.of());
      return;
    }
    plan(formed, schedule.get(), false);
  }

  /** Registration described a cycle: plan the partnerships that waited for it. */
  public int resumePending(String cycleId) {
    List<Partnership> waiting = partnerships.pendingOf(cycleId);
    if (waiting.isEmpty()) {
      return 0;
    }
    Optional<CycleSchedule> schedule = schedules.ensure(cycleId);
    if (schedule.isEmpty()) {
      return 0;
    }
    for (Partnership p : waiting) {
      plan(
          new Formed(p.id(), p.cycleId(), p.members(), p.origin(), p.formedAt()),
          schedule.get(),
          true);
    }
    return waiting.size();
  }

  private void plan(Formed formed, CycleSchedule schedule, boolean waited) {
    ProgrammeCalendar calendar = schedule.calendar();
    int last = calendar.prompts();
    // the first prompt still ahead for every member when it formed, in programme time
    int first =
        calendar.firstFor(
            programmeTime.apply(formed.formedAt()),
            formed.members().stream().map(m -> ZoneId.of(m.timeZone())).toList());
    Map<Integer, PromptKind> touchpoints = Programme.touchpoints(calendar);
    Integer checkIn =
        touchpoints.entrySet().stream()
            .filter(e -> e.getValue() == PromptKind.CHECK_IN && e.getKey() >= first)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    List<Integer> answerable =
        touchpoints.keySet().stream().filter(n -> n >= first).sorted().toList();

    List<MemberPlan> memberPlans = new ArrayList<>();
    for (Member m : formed.members()) {
      memberPlans.add(
          new MemberPlan(
              MemberPlan.id(formed.partnershipId(), m.participantId()),
              formed.partnershipId(),
              formed.cycleId(),
              m.participantId(),
              m.timeZone(),
              m.locale(),
              calendar,
              first,
              last,
              first,
              MemberPlan.Status.ACTIVE));
    }
    boolean ended = first > last;
    if (!ended) {
      plans.insert(memberPlans);
    }
    List<MemberPlan> receiving = new ArrayList<>();
    for (MemberPlan plan : memberPlans) {
      boolean erased = participants.join(plan.participantId(), formed.partnershipId());
      if (erased) {
        plans.erase(plan.id(), formed.formedAt());
      } else if (!ended) {
        receiving.add(plan);
      }
    }

    List<Timer> due = new ArrayList<>();
    for (MemberPlan plan : receiving) {
      due.add(new Timer.Send(plan.id(), first, plan.dueAt(first)));
    }
    if (checkIn != null && !receiving.isEmpty()) {
      Instant lastCheckIn =
          receiving.stream().map(p -> p.dueAt(checkIn)).max(Instant::compareTo).orElseThrow();
      due.add(new Timer.QuietCheck(formed.partnershipId(), lastCheckIn.plus(quietAfterCheckIn)));
    }
    timers.file(due);

    List<Object> events = new ArrayList<>();
    if (!receiving.isEmpty()) {
      events.add(
          new PromptsPlanned(
              formed.partnershipId(),
              formed.cycleId(),
              receiving.stream()
                  .map(p -> new PromptsPlanned.PlannedMember(p.participantId(), p.dueAt(first)))
                  .toList(),
              Contents.of(schedules.week(formed.cycleId(), first).content()),
              last - first + 1));
    }
    Partnership partnership =
        new Partnership(
            formed.partnershipId(),
            formed.cycleId(),
            ended ? Partnership.Status.ENDED : Partnership.Status.ACTIVE,
            formed.origin(),
            formed.formedAt(),
            formed.members(),
            first,
            last,
            checkIn,
            answerable,
            List.of(),
            List.of(),
            List.of(),
            null);
    boolean stored =
        waited
            ? partnerships.activate(partnership, events)
            : partnerships.insert(partnership, events);
    if (stored) {
      log.debug(
          "planned partnership {}: prompts {}..{} for {} member(s)",
          formed.partnershipId(),
          first,
          last,
          receiving.size());
    }
  }

  /** A partnership was dissolved: nothing more is sent to it. */
  public void dissolved(String partnershipId, String cycleId, String reason, Instant at) {
    Optional<Partnership> known = partnerships.find(partnershipId);
    if (known.isEmpty()) {
      partnerships.tombstone(partnershipId, cycleId, Partnership.Status.DISSOLVED, reason, at);
      return;
    }
    // the plans first: once stopped, no scheduler can send this partnership anything more
    plans.stop(
        known.get().memberIds().stream().map(m -> MemberPlan.id(partnershipId, m)).toList(),
        MemberPlan.Status.STOPPED,
        at);
    partnerships.dissolve(partnershipId, reason, at);
  }

  /**
   * A partnership ran to the end of its cycle: nothing more is sent to it (remaining prompts are
   * decided {@code STOPPED}, as for a dissolution), its open reports are closed, and what it was
   * sent can still be answered. Idempotent; a dissolved partnership stays dissolved.
   */
  public void completed(String partnershipId, String cycleId, Instant at) {
    Optional<Partnership> known = partnerships.find(partnershipId);
    if (known.isEmpty()) {
      partnerships.tombstone(partnershipId, cycleId, Partnership.Status.COMPLETED, "COMPLETED", at);
      return;
    }
    if (!known.get().completable()) {
      return;
    }
    plans.stop(
        known.get().memberIds().stream().map(m -> MemberPlan.id(partnershipId, m)).toList(),
        MemberPlan.Status.COMPLETED,
        at);
    if (partnerships.complete(partnershipId, at)) {
      log.debug("partnership {} completed", partnershipId);
    }
  }

  /** A participant erased their data: nothing more is sent to them, and their details go. */
  public void erased(String participantId, Instant at) {
    for (String partnershipId : participants.erase(participantId)) {
      plans.erase(MemberPlan.id(partnershipId, participantId), at);
      partnerships.eraseMember(partnershipId, participantId);
    }
  }

  private Partnership pending(Formed formed) {
    return new Partnership(
        formed.partnershipId(),
        formed.cycleId(),
        Partnership.Status.PENDING_CYCLE,
        formed.origin(),
        formed.formedAt(),
        formed.members(),
        0,
        0,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null);
  }
}
