package org.penpals.matching.run.application;

import java.util.List;
import java.util.Optional;
import org.penpals.matching.engine.Group;
import org.penpals.matching.run.domain.Run;

/** Runs and their groups. */
public interface RunStore {
  void insert(Run run);

  void update(Run run);

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
