package org.penpals.prompt.schedule.application;

import java.util.Optional;
import org.penpals.prompt.schedule.domain.KnownCycle;

/** The cycles registration told us about. */
public interface CycleStore {
  void save(KnownCycle cycle);

  Optional<KnownCycle> find(String cycleId);
}
