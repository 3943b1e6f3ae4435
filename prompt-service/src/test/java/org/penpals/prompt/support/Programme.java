package org.penpals.prompt.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.TimeUnit;
import org.penpals.prompt.clock.ProgrammeClock;
import org.penpals.prompt.partnership.adapter.in.scheduler.SchedulerLoop;
import org.springframework.context.ApplicationContext;

/**
 * Drives programme time in a test: the test profile freezes the demo clock, so time moves only when
 * a test moves it, and a scheduler round runs right after each move.
 */
public final class Programme {
  private final ProgrammeClock clock;
  private final SchedulerLoop scheduler;

  public Programme(ApplicationContext context) {
    this.clock = context.getBean(ProgrammeClock.class);
    this.scheduler = context.getBean(SchedulerLoop.class);
  }

  public Instant now() {
    return clock.instant();
  }

  /** The Monday at least a week after the programme's current day: a fresh cycle's start. */
  public LocalDate nextStart() {
    return LocalDate.ofInstant(now(), ZoneOffset.UTC)
        .plusDays(7)
        .with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
  }

  /** Moves the clock to {@code at} (if it is ahead) and waits for a scheduler round after it. */
  public void moveTo(Instant at) {
    if (at.isAfter(now())) {
      clock.moveTo(at);
    }
    round();
  }

  public void advance(Duration by) {
    moveTo(now().plus(by));
  }

  /** Runs a scheduler round and waits for it. */
  public void round() {
    try {
      scheduler.trigger().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
