package org.penpals.prompt.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time the programme runs on: when prompts, check-ins and quiet checks are due. In {@code
 * system} mode it is the real time. In {@code demo} mode it starts at a configured instant, runs
 * {@code speed} times faster than real time (0 stops it: tests move it by hand) and may be moved
 * forward — never back — so that a whole 17-week cycle plays in minutes.
 *
 * <p>A demo clock with a {@link ClockStore} is durable: every move is stored, a running clock is
 * stored at every {@link #sync()} (each scheduler round), and a clock that starts, or syncs, behind
 * the stored time moves up to it. So a restarted instance resumes at the programme time it had
 * (never earlier; a running clock runs on from there, the time the service was down does not
 * count), and several instances share one programme time.
 *
 * <p>Deliberately not a {@link Clock} bean: the platform (outbox, consumers, locks, tokens) keeps
 * real time; only the programme's own schedule uses this one, through {@link #clock()}.
 */
public final class ProgrammeClock {
  private static final Logger log = LoggerFactory.getLogger(ProgrammeClock.class);
  private final Clock real;
  private final boolean demo;
  private final double speed;
  private final @Nullable ClockStore store;
  private final List<Runnable> moveListeners = new CopyOnWriteArrayList<>();
  private Instant programmeAnchor;
  private Instant realAnchor;

  private ProgrammeClock(
      Clock real, boolean demo, double speed, @Nullable Instant start, @Nullable ClockStore store) {
    this.real = real;
    this.demo = demo;
    this.speed = speed;
    this.store = store;
    this.realAnchor = real.instant();
    this.programmeAnchor = start == null ? realAnchor : start;
    if (store != null) {
      try {
        store.load().filter(stored -> stored.isAfter(programmeAnchor)).ifPresent(this::rebase);
      } catch (RuntimeException e) {
        log.warn(
            "cannot read the stored programme time yet ({}); the first scheduler round will",
            e.toString());
      }
    }
  }

  /** Real time. */
  public static ProgrammeClock system(Clock real) {
    return new ProgrammeClock(real, false, 1.0, null, null);
  }

  /**
   * A demo clock starting at {@code start} (now if null), {@code speed} times faster than real
   * time.
   */
  public static ProgrammeClock demo(Clock real, double speed, @Nullable Instant start) {
    return demo(real, speed, start, null);
  }

  /**
   * A durable demo clock: it starts at the later of {@code start} (now if null) and the programme
   * time stored in {@code store}, and stores every move.
   */
  public static ProgrammeClock demo(
      Clock real, double speed, @Nullable Instant start, @Nullable ClockStore store) {
    if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number >= 0");
    }
    return new ProgrammeClock(real, true, speed, start, store);
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

  /**
   * The programme time of something another service did at real time {@code at} (matching forms a
   * partnership on its own, real clock): in system mode that same instant. A demo clock runs apart
   * from real time — moved weeks ahead, or running faster — so a real instant says nothing about
   * the programme; an event is handled moments after it happened, so it counts as the programme's
   * now.
   */
  public Instant programmeTimeOf(Instant at) {
    return demo ? instant() : at;
  }

  /** Moves a demo clock forward; returns the new time. */
  public Instant advance(Duration by) {
    if (by.isNegative() || by.isZero()) {
      throw InvalidInput.of("by", "must be a positive duration, e.g. P7D or PT6H");
    }
    requireDemo();
    adoptStored();
    Instant now;
    synchronized (this) {
      now = instant().plus(by);
    }
    return moved(now);
  }

  /** Moves a demo clock forward to {@code to}; returns it. */
  public Instant moveTo(Instant to) {
    requireDemo();
    adoptStored();
    synchronized (this) {
      if (to.isBefore(instant())) {
        throw InvalidInput.of("to", "must not be before the programme's current time");
      }
    }
    return moved(to);
  }

  /** Stores the new time first (a move that cannot be stored does not happen), then takes it. */
  private Instant moved(Instant to) {
    if (store != null) {
      store.save(to);
    }
    synchronized (this) {
      if (to.isAfter(instant())) {
        rebase(to);
      }
    }
    moveListeners.forEach(Runnable::run);
    return to;
  }

  /**
   * Demo clock with a store: moves up to the stored programme time if another instance (or this one
   * before a restart) got further, and stores the time of a running clock. Each scheduler round
   * calls it.
   */
  public void sync() {
    if (!demo || store == null) {
      return;
    }
    adoptStored();
    if (speed > 0) {
      store.save(instant());
    }
  }

  private void adoptStored() {
    if (store == null) {
      return;
    }
    Optional<Instant> stored = store.load();
    synchronized (this) {
      stored.filter(t -> t.isAfter(instant())).ifPresent(this::rebase);
    }
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
