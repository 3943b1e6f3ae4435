package org.penpals.matching.pool;

import java.util.List;
import java.util.Optional;

/** Each cycle's pool, kept in this service's own database. */
public interface Pool {
  Optional<PoolMember> member(String participantId);

  /**
   * Stores what registration said of the member (not the placement, which matching owns); one
   * writer per participant: the consumer of that participant's partition.
   */
  void save(PoolMember member);

  /**
   * Sets where matching placed a member, with the events that owes (atomically, via the outbox).
   * With events, the write happens only if the member is not placed there already, so the events
   * are owed once even if two writers race.
   */
  void place(String participantId, Placement placement, List<?> events);

  List<PoolMember> members(String cycleId);

  Optional<PoolCycle> cycle(String cycleId);

  void save(PoolCycle cycle);

  /** Removes the personal data of an erased participant; keeps the id and placement. */
  void erase(String participantId);
}
