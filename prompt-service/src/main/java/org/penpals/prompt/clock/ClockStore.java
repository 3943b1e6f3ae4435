package org.penpals.prompt.clock;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a demo clock keeps its programme time, so that a restarted instance (and every other
 * instance) resumes where the programme was, never earlier.
 */
public interface ClockStore {
  /** The latest programme time stored, if any. */
  Optional<Instant> load();

  /** Stores {@code programmeTime} unless a later time is stored already. */
  void save(Instant programmeTime);
}
