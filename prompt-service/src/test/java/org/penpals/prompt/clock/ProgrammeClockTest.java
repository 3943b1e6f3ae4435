package org.penpals.prompt.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;

class ProgrammeClockTest {
  static final Instant REAL = Instant.parse("2026-11-30T12:00:00Z");
  static final Instant START = Instant.parse("2027-03-01T00:00:00Z");

  /** A real clock the test moves. */
  static final class Manual extends Clock {
    Instant now = REAL;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void shouldRunADemoClockFasterThanRealTimeFromItsStart() {
    Manual real = new Manual();
    ProgrammeClock clock = ProgrammeClock.demo(real, 10_080, START); // a week per real minute

    real.now = REAL.plus(Duration.ofMinutes(1));

    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(7)));
    assertThat(clock.clock().instant()).isEqualTo(clock.instant());
  }

  @Test
  void shouldStandStillAtSpeedZeroUntilMoved() {
    Manual real = new Manual();
    AtomicInteger moves = new AtomicInteger();
    ProgrammeClock clock = ProgrammeClock.demo(real, 0, START);
    clock.onMove(moves::incrementAndGet);
    real.now = REAL.plus(Duration.ofHours(5));

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofDays(7))).isEqualTo(START.plus(Duration.ofDays(7)));
    assertThat(clock.moveTo(START.plus(Duration.ofDays(8)))).isEqualTo(START.plusSeconds(691200));
    assertThat(moves).hasValue(2);
  }

  @Test
  void shouldTakeAnotherServicesRealInstantAsNowOnADemoClockAndAsItIsInRealTime() {
    Instant matchingFormedAt = START.minus(Duration.ofDays(30)); // real time, far behind
    ProgrammeClock demo = ProgrammeClock.demo(new Manual(), 0, START);
    demo.advance(Duration.ofDays(14));

    assertThat(demo.programmeTimeOf(matchingFormedAt)).isEqualTo(START.plus(Duration.ofDays(14)));
    assertThat(ProgrammeClock.system(new Manual()).programmeTimeOf(matchingFormedAt))
        .isEqualTo(matchingFormedAt);
  }

  @Test
  void shouldNeverMoveBack() {
    ProgrammeClock clock = ProgrammeClock.demo(new Manual(), 0, START);

    assertThatThrownBy(() -> clock.moveTo(START.minusSeconds(1)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("to");
    assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("by");
  }

  /** A store in memory that keeps the latest time, like the MongoDB one. */
  static final class Stored implements ClockStore {
    Instant at;

    @Override
    public java.util.Optional<Instant> load() {
      return java.util.Optional.ofNullable(at);
    }

    @Override
    public void save(Instant programmeTime) {
      if (at == null || programmeTime.isAfter(at)) {
        at = programmeTime;
      }
    }
  }

  @Test
  void shouldStoreEveryMoveAndResumeThereAfterARestartNeverEarlier() {
    // given a durable demo clock moved eight weeks on
    Stored store = new Stored();
    ProgrammeClock before = ProgrammeClock.demo(new Manual(), 0, START, store);
    before.advance(Duration.ofDays(56));

    // when the service restarts with the same configured start
    ProgrammeClock after = ProgrammeClock.demo(new Manual(), 0, START, store);

    // then the clock is where it was, and moving it back is still refused
    assertThat(store.at).isEqualTo(START.plus(Duration.ofDays(56)));
    assertThat(after.instant()).isEqualTo(START.plus(Duration.ofDays(56)));
    assertThatThrownBy(() -> after.moveTo(START.plus(Duration.ofDays(30))))
        .isInstanceOf(InvalidInput.class);
    // and a configured start later than the stored time wins
    assertThat(
            ProgrammeClock.demo(new Manual(), 0, START.plus(Duration.ofDays(90)), store).instant())
        .isEqualTo(START.plus(Duration.ofDays(90)));
  }

  @Test
  void shouldRunOnFromTheStoredTimeWithoutCountingTheDowntime() {
    // given a running demo clock (a week per real minute) synced after two real minutes
    Manual real = new Manual();
    Stored store = new Stored();
    ProgrammeClock running = ProgrammeClock.demo(real, 10_080, START, store);
    real.now = REAL.plus(Duration.ofMinutes(2));
    running.sync();

    // when it restarts an hour later and a real minute passes
    real.now = REAL.plus(Duration.ofMinutes(62));
    ProgrammeClock restarted = ProgrammeClock.demo(real, 10_080, START, store);
    real.now = REAL.plus(Duration.ofMinutes(63));

    // then it ran on from the stored two weeks, one more week
    assertThat(restarted.instant()).isEqualTo(START.plus(Duration.ofDays(21)));
  }

  @Test
  void shouldCatchUpWithAnotherInstanceThatMovedFurther() {
    Stored store = new Stored();
    ProgrammeClock a = ProgrammeClock.demo(new Manual(), 0, START, store);
    ProgrammeClock b = ProgrammeClock.demo(new Manual(), 0, START, store);

    a.moveTo(START.plus(Duration.ofDays(10)));
    b.sync();

    assertThat(b.instant()).isEqualTo(START.plus(Duration.ofDays(10)));
    assertThatThrownBy(() -> b.moveTo(START.plus(Duration.ofDays(5))))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void shouldKeepRealTimeAndRefuseToMoveInSystemMode() {
    Manual real = new Manual();
    ProgrammeClock clock = ProgrammeClock.system(real);

    assertThat(clock.instant()).isEqualTo(REAL);
    assertThatThrownBy(() -> clock.advance(Duration.ofDays(1))).isInstanceOf(StateConflict.class);
  }
}
