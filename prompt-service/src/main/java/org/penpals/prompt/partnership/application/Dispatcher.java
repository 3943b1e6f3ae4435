package org.penpals.prompt.partnership.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.MemberPlan;
import org.penpals.prompt.partnership.domain.Overdue;
import org.penpals.prompt.partnership.domain.Timer;
import org.penpals.prompt.schedule.application.ProgrammeTime;
import org.penpals.prompt.schedule.application.ScheduleService;
import org.penpals.prompt.schedule.domain.ScheduledWeek;
import org.penpals.prompt.schedule.domain.WeekContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduler round: everything that fell due since the last round, in time order.
 *
 * <p>What happens to each due prompt is <em>decided</em> by inserting its delivery record, keyed by
 * the delivery id (partnership, participant, prompt) and carrying the {@code PromptDue} in its
 * outbox. Two schedulers racing for the same prompt both try; the unique key lets exactly one
 * insert succeed, so a prompt is published once even when several instances run rounds at the same
 * moment — and a dissolution racing a round loses or wins the same way (it decides the remaining
 * prompts {@code STOPPED}). The next prompt's timer is filed <em>before</em> the decision, so a
 * crash between the two loses nothing (the round is redone from the last finished minute, and
 * decisions already made simply lose).
 */
public class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final DueIndex timers;
  private final MemberPlans plans;
  private final ScheduleService schedules;
  private final EngagementService engagement;
  private final ProgrammeTime programme;
  private final Clock clock;
  private final Duration lateAfter;
  private final int batchSize;
  private volatile boolean earlierSchedulesChecked;

  public Dispatcher(
      DueIndex timers,
      MemberPlans plans,
      ScheduleService schedules,
      EngagementService engagement,
      ProgrammeTime programme,
      Clock clock,
      Duration lateAfter,
      int batchSize) {
    this.timers = timers;
    this.programme = programme;
    this.plans = plans;
    this.schedules = schedules;
    this.engagement = engagement;
    this.clock = clock;
    this.lateAfter = lateAfter;
    this.batchSize = batchSize;
  }

  /** What a round did. */
  public record Round(int sent, int late, int skipped, int checks) {
    static final Round NONE = new Round(0, 0, 0, 0);

    Round plus(Round o) {
      return new Round(sent + o.sent, late + o.late, skipped + o.skipped, checks + o.checks);
    }

    public boolean idle() {
      return sent + skipped + checks == 0;
    }
  }

  public Round round() {
    if (!earlierSchedulesChecked) {
      programme.fileMissingTimers();
      earlierSchedulesChecked = true;
    }
    Instant now = clock.instant();
    List<Instant> minutes = timers.begin(now);
    Round total = Round.NONE;
    Map<String, WeekContent> contents = new HashMap<>();
    for (Instant minute : minutes) {
      List<Timer> due = timers.timersAt(minute);
      total = total.plus(handle(due, now, contents));
      timers.done(minute);
    }
    timers.finish(now);
    if (!total.idle()) {
      log.info(
          "scheduler round at {}: {} prompt(s) sent ({} late), {} skipped, {} check(s)",
          now,
          total.sent(),
          total.late(),
          total.skipped(),
          total.checks());
    }
    return total;
  }

  private Round handle(List<Timer> due, Instant now, Map<String, WeekContent> contents) {
    Round round = Round.NONE;
    List<Timer.Send> sends = new ArrayList<>();
    for (Timer timer : due) {
      if (timer instanceof Timer.Send send) {
        sends.add(send);
      } else if (timer instanceof Timer.QuietCheck check) {
        engagement.checkQuiet(check.partnershipId());
        round = round.plus(new Round(0, 0, 0, 1));
      } else if (timer instanceof Timer.ReportCheck check) {
        engagement.checkReport(check.partnershipId(), check.reportId());
        round = round.plus(new Round(0, 0, 0, 1));
      } else if (timer instanceof Timer.ProgrammeStart start) {
        programme.started(start.cycleId());
        round = round.plus(new Round(0, 0, 0, 1));
      } else if (timer instanceof Timer.ProgrammeEnd end) {
        programme.ended(end.cycleId());
        round = round.plus(new Round(0, 0, 0, 1));
      }
    }
    for (int from = 0; from < sends.size(); from += batchSize) {
      round =
          round.plus(
              send(sends.subList(from, Math.min(sends.size(), from + batchSize)), now, contents));
    }
    return round;
  }

  private Round send(List<Timer.Send> batch, Instant now, Map<String, WeekContent> contents) {
    int sent = 0;
    int late = 0;
    int skipped = 0;
    Deque<Timer.Send> queue = new ArrayDeque<>(batch);
    while (!queue.isEmpty()) {
      List<Timer.Send> work = new ArrayList<>(queue);
      queue.clear();
      Set<String> ids = new LinkedHashSet<>();
      work.forEach(t -> ids.add(t.planId()));
      Map<String, MemberPlan> loaded = plans.load(ids);
      List<MemberPlans.Decision> claims = new ArrayList<>();
      List<Timer> following = new ArrayList<>();
      Map<String, MemberPlan> skipping = new HashMap<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Timer.Send t : work) {
        MemberPlan plan = loaded.get(t.planId());
        if (plan == null || !plan.awaits(t.number()) || !seen.add(t.planId())) {
          continue; // sent already, stopped, or a duplicate timer
        }
        int n = t.number();
        if (n < plan.last()) {
          following.add(new Timer.Send(plan.id(), n + 1, plan.dueAt(n + 1)));
        }
        Overdue.Decision decision = plan.decide(n, now, lateAfter);
        if (decision == Overdue.Decision.SKIP) {
          claims.add(
              new MemberPlans.Decision(
                  plan,
                  new Delivery(
                      plan.deliveryId(n),
                      plan.id(),
                      n,
                      Delivery.Status.SKIPPED,
                      plan.dueAt(n),
                      now,
                      false,
                      null,
                      null),
                  null));
          skipping.put(plan.id(), plan);
          continue;
        }
        boolean isLate = decision == Overdue.Decision.SEND_LATE;
        WeekContent content =
            contents.computeIfAbsent(
                plan.cycleId() + "#" + n,
                k -> {
                  ScheduledWeek week = schedules.lockForSending(plan.cycleId(), n);
                  return week.content();
                });
        PromptDue event =
            new PromptDue(
                plan.deliveryId(n),
                plan.partnershipId(),
                plan.cycleId(),
                plan.participantId(),
                n,
                Contents.of(content),
                plan.dueAt(n),
                isLate);
        claims.add(
            new MemberPlans.Decision(
                plan,
                new Delivery(
                    plan.deliveryId(n),
                    plan.id(),
                    n,
                    Delivery.Status.SENT,
                    plan.dueAt(n),
                    now,
                    isLate,
                    content.promptId(),
                    content.kind().name()),
                event));
      }
      // the next prompt is findable before this one is claimed: a crash in between loses nothing
      timers.file(following);
      Set<String> claimed = plans.decide(claims);
      for (MemberPlans.Decision claim : claims) {
        if (!claimed.contains(claim.delivery().deliveryId())) {
          continue;
        }
        if (claim.event() == null) {
          skipped++;
          MemberPlan plan = skipping.get(claim.plan().id());
          int n = claim.delivery().number() + 1;
          // the next prompt is overdue as well (that is why this one was skipped): decide now
          queue.add(new Timer.Send(plan.id(), n, plan.dueAt(n)));
        } else {
          sent++;
          if (claim.delivery().late()) {
            late++;
          }
        }
      }
    }
    return new Round(sent, late, skipped, 0);
  }
}
