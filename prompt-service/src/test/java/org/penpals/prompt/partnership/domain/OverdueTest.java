package org.penpals.prompt.partnership.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.penpals.prompt.partnership.domain.Overdue.Decision;

class OverdueTest {
  static final Instant DUE = Instant.parse("2027-03-08T09:00:00Z");
  static final Instant NEXT = DUE.plus(Duration.ofDays(7));
  static final Duration DAY = Duration.ofDays(1);

  @Test
  void shouldSendOnTimeUpToADayAfterItWasDue() {
    assertThat(Overdue.decide(DUE, NEXT, DUE, DAY)).isEqualTo(Decision.SEND);
    assertThat(Overdue.decide(DUE, NEXT, DUE.plus(DAY), DAY)).isEqualTo(Decision.SEND);
  }

  @Test
  void shouldSendOnceMarkedLateWhenMoreThanADayLateAndTheNextIsNotDue() {
    assertThat(Overdue.decide(DUE, NEXT, DUE.plus(DAY).plusSeconds(1), DAY))
        .isEqualTo(Decision.SEND_LATE);
    assertThat(Overdue.decide(DUE, NEXT, NEXT.minusSeconds(1), DAY)).isEqualTo(Decision.SEND_LATE);
  }

  @Test
  void shouldSkipWhenTheNextPromptIsDueAsWell() {
    assertThat(Overdue.decide(DUE, NEXT, NEXT, DAY)).isEqualTo(Decision.SKIP);
    assertThat(Overdue.decide(DUE, NEXT, NEXT.plus(Duration.ofDays(30)), DAY))
        .isEqualTo(Decision.SKIP);
  }

  @Test
  void shouldAlwaysSendTheLastPromptHoweverLate() {
    assertThat(Overdue.decide(DUE, null, DUE.plus(Duration.ofDays(90)), DAY))
        .isEqualTo(Decision.SEND_LATE);
  }
}
