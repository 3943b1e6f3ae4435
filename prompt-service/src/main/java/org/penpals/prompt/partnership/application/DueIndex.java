package org.penpals.prompt.partnership.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.penpals.prompt.partnership.domain.Timer;

/**
 * Durable timers, found without scanning: timers are filed under the minute they fall due, and a
 * round reads the minutes that have come since the last one.
 *
 * <p>A timer filed into a minute a round has already taken is filed again under the first minute no
 * round has taken, so nothing filed is ever missed.
 */
public interface DueIndex {
  void file(Collection<? extends Timer> timers);

  /**
   * Starts a round at {@code now}: the minutes with timers that have come since the last round, in
   * order (announced first, so that anything filed into them later is moved on).
   */
  List<Instant> begin(Instant now);

  List<Timer> timersAt(Instant minute);

  /** Everything filed for {@code minute} has been handled. */
  void done(Instant minute);

  /** The round finished: every minute up to {@code now} is done. */
  void finish(Instant now);
}
