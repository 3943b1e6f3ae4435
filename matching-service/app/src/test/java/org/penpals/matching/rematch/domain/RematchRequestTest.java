package org.penpals.matching.rematch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RematchRequestTest {
  static final Instant T = Instant.parse("2027-04-01T10:00:00Z");

  @Test
  void shouldBeDueOnceSettledOrOnceStarted() {
    var pending =
        new RematchRequest("c", RematchRequest.State.PENDING, 1, T, T.plusSeconds(2), null, 0);
    var started =
        new RematchRequest("c", RematchRequest.State.STARTED, 2, T, T.plusSeconds(2), "run-1", 0);

    assertThat(pending.due(T)).isFalse();
    assertThat(pending.due(T.plusSeconds(2))).isTrue();
    assertThat(started.due(T)).isTrue();
  }

  @Test
  void shouldWaitLongerAfterEachFailedRunUpToTheCap() {
    Duration first = Duration.ofSeconds(30);
    Duration max = Duration.ofMinutes(30);

    assertThat(RematchRequest.backoff(0, first, max)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RematchRequest.backoff(3, first, max)).isEqualTo(Duration.ofMinutes(4));
    assertThat(RematchRequest.backoff(40, first, max)).isEqualTo(max);
  }

  @Test
  void shouldNameTheRunOnceStarted() {
    assertThatThrownBy(
            () -> new RematchRequest("c", RematchRequest.State.STARTED, 2, T, T, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
