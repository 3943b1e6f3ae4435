package org.penpals.matching.run.application;

import java.util.Set;
import org.penpals.matching.engine.IdPair;

/** Staff's locked and forbidden pairs per cycle, honoured by every run. */
public interface AdjustmentStore {
  Set<IdPair> locked(String cycleId);

  Set<IdPair> forbidden(String cycleId);

  void lock(String cycleId, IdPair pair);

  void unlock(String cycleId, IdPair pair);

  void forbid(String cycleId, IdPair pair);

  void allow(String cycleId, IdPair pair);

  /** Person-key pairs who were partners in any published partnership (never again). */
  Set<IdPair> previousPartners();
}
