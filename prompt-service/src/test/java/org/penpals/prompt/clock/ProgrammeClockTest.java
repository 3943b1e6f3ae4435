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
  void shouldNeverMoveBack() {
    ProgrammeClock clock = ProgrammeClock.demo(new Manual(), 0, START);

    assertThatThrownBy(() -> clock.moveTo(START.minusSeconds(1)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("to");
    assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("by");
  }

  @Test
  void shouldKeepRealTimeAndRefuseToMoveInSystemMode() {
    Manual real = new Manual();
    ProgrammeClock clock = ProgrammeClock.system(real);

    assertThat(clock.instant()).isEqualTo(REAL);
    assertThatThrownBy(() -> clock.advance(Duration.ofDays(1))).isInstanceOf(StateConflict.class);
  }
}
