package org.penpals.matching.engine.solver;

/**
 * A starting point for {@link BlossomSolver}: a matching and vertex potentials (twice the vertex
 * duals) that are feasible for the graph to solve once {@code shift} is added to each, e.g. the
 * {@link MatchingSolution#potentials()} of the same graph solved with weights lowered by {@code
 * shift / 2}. Potentials are rounded up to even numbers; matched edges that are not tight under the
 * shifted potentials are dropped; infeasible potentials are rejected.
 */
public record WarmStart(int[] mate, long[] potentials, long shift) {
  public WarmStart {
    mate = mate.clone();
    potentials = potentials.clone();
    if (mate.length != potentials.length) {
      throw new IllegalArgumentException("mate and potentials must have one entry per vertex");
    }
  }

  @Override
  public int[] mate() {
    return mate.clone();
  }

  @Override
  public long[] potentials() {
    return potentials.clone();
  }
}
