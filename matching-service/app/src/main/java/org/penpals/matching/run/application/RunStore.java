package org.penpals.matching.run.application;

import java.util.List;
import java.util.Optional;
import org.penpals.matching.engine.Group;
import org.penpals.matching.run.domain.Run;

/** Runs and their groups. */
public interface RunStore {
  /** Stores a new run; false if a run with its id exists. */
  boolean insert(Run run);

  /** Saves a run's fields (publication, swaps). */
  void update(Run run);

  /**
   * Records that a running run finished (COMPLETED or FAILED), if it is still RUNNING; a completed
   * run carries its {@code MatchingRunCompleted} (not published) in the same write. Returns false
   * if it had finished already.
   */
  boolean finish(Run run);

  /** Records progress of a running run (cheap, may be called often). */
  void progress(String runId, String phase, double fraction, String message);

  Optional<Run> find(String runId);

  List<Run> ofCycle(String cycleId);

  void saveGroups(String runId, List<Group> groups);

  List<Group> groups(String runId);

  List<Group> groups(String runId, int page, int size);

  long groupCount(String runId);

  /** Replaces the groups at these positions (a swap). */
  void replaceGroups(String runId, java.util.Map<Integer, Group> byIndex);
}
