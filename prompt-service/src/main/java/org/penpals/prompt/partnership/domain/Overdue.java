package org.penpals.prompt.partnership.domain;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What to do with a prompt that is due, after downtime too: catch up without flooding.
 *
 * <ul>
 *   <li>up to {@code lateAfter} (a day) after it was due: send it, on time;
 *   <li>later than that, while the participant's <em>next</em> prompt is not due yet: send it once,
 *       marked {@code late};
 *   <li>later than that, when the next prompt is due as well: skip it (recorded as skipped) — only
 *       the most recent overdue prompt is sent, so a week of downtime never makes anyone receive a
 *       pile of prompts at once.
 * </ul>
 */
public final class Overdue {
  private Overdue() {}

  public enum Decision {
    SEND,
    SEND_LATE,
    SKIP
  }

  public static Decision decide(
      Instant due, @Nullable Instant nextDue, Instant now, Duration lateAfter) {
    if (!now.isAfter(due.plus(lateAfter))) {
      return Decision.SEND;
    }
    if (nextDue != null && !nextDue.isAfter(now)) {
      return Decision.SKIP;
    }
    return Decision.SEND_LATE;
  }
}
