package org.penpals.registration.participant.application;

import java.util.List;

/**
 * Staged imports: the file is stored before any row is materialised, so an import interrupted by a
 * crash is finished on restart (each row has a deterministic id, so finishing twice is safe).
 */
public interface ImportRepository {
  void stage(String importId, String cycleId, String csv);

  void markDone(String importId);

  List<Staged> pending();

  record Staged(String importId, String cycleId, String csv) {}
}
