package org.penpals.prompt.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;

/**
 * The time the programme runs on: when prompts, check-ins and quiet checks are due. In {@code
 * system} mode it is the real time. In {@code demo} mode it starts at a configured instant, runs
 * {@code speed} times faster than real time (0 stops it: tests move it by hand) and may be moved
 * forward — never back — so that a whole 17-week cycle plays in minutes.
 *
 * <p>Deliberately not a {@link Clock} bean: the platform (outbox, consumers, locks, tokens) keeps
 * real time; only the programme's own schedule uses this one, through {@link #clock()}.
 */
public final class ProgrammeClock {
  private final Clock real;
  private final boolean demo;
  private final double speed;
  private final List<Runnable> moveListeners = new CopyOnWriteArrayList<>();
  private Instant programmeAnchor;
  private Instant realAnchor;

  private ProgrammeClock(Clock real, boolean demo, double speed, @Nullable Instant start) {
    this.real = real;
    this.demo = demo;
    this.speed = speed;
    this.realAnchor = real.instant();
    this.programmeAnchor = start == null ? realAnchor : start;
  }

  /** Real time. */
  public static ProgrammeClock system(Clock real) {
    return new ProgrammeClock(real, false, 1.0, null);
  }

  /**
   * A demo clock starting at {@code start} (now if null), {@code speed} times faster than real
   * time.
   */
  public static ProgrammeClock demo(Clock real, double speed, @Nullable Instant start) {
    if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number >= 0");
    }
    return new ProgrammeClock(real, true, speed, start);
  }

  public boolean demo() {
    return demo;
  }

  public double speed() {
    return speed;
  }

  /** The programme's current time. */
  public synchronized Instant instant() {
    if (!demo) {
      return real.instant();
    }
    long realMillis = real.millis() - realAnchor.toEpochMilli();
    return programmeAnchor.plusMillis(Math.round(realMillis * speed));
  }

  /** Moves a demo clock forward; returns the new time. */
  public Instant advance(Duration by) {
    if (by.isNegative() || by.isZero()) {
      throw InvalidInput.of("by", "must be a positive duration, e.g. P7D or PT6H");
    }
    Instant now;
    synchronized (this) {
      requireDemo();
      now = instant().plus(by);
      rebase(now);
    }
    moveListeners.forEach(Runnable::run);
    return now;
  }

  /** Moves a demo clock forward to {@code to}; returns it. */
  public Instant moveTo(Instant to) {
    synchronized (this) {
      requireDemo();
      if (to.isBefore(instant())) {
        throw InvalidInput.of("to", "must not be before the programme's current time");
      }
      rebase(to);
    }
    moveListeners.forEach(Runnable::run);
    return to;
  }

  /** Runs {@code listener} after each move (the scheduler starts a round). */
  public void onMove(Runnable listener) {
    moveListeners.add(listener);
  }

  /** A {@link Clock} view for plain-Java use cases. */
  public Clock clock() {
    return new View(this, ZoneOffset.UTC);
  }

  private void requireDemo() {
    if (!demo) {
      throw new StateConflict(
          "the programme clock runs in real time; set penpals.prompts.clock.mode=demo to move it");
    }
  }

  private void rebase(Instant programmeNow) {
    programmeAnchor = programmeNow;
    realAnchor = real.instant();
  }

  private static final class View extends Clock {
    private final ProgrammeClock source;
    private final ZoneId zone;

    View(ProgrammeClock source, ZoneId zone) {
      this.source = source;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new View(source, zone);
    }

    @Override
    public Instant instant() {
      return source.instant();
    }
  }
}
