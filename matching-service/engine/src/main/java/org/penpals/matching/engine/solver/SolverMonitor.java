package org.penpals.matching.engine.solver;

/**
 * Lets a caller watch a long solve and stop it. The solver calls {@link #shouldStop} every few
 * thousand events; returning {@code true} ends the solve early with the best matching found so far
 * and a valid (not tight) bound. To abandon a solve altogether, throw from it (for example a {@link
 * java.util.concurrent.CancellationException}); the exception reaches the caller of the solver.
 */
@FunctionalInterface
public interface SolverMonitor {
  /** Never stops. */
  SolverMonitor NONE = (open, initial) -> false;

  /**
   * @param openTrees alternating trees still open (free vertices whose dual is not yet zero)
   * @param initialTrees open trees after the warm start: {@code 1 - open/initial} is the progress
   */
  boolean shouldStop(int openTrees, int initialTrees);
}
