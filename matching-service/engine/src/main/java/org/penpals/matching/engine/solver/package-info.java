/**
 * Matching algorithms on plain integer-weighted graphs: the exact primal-dual {@link
 * org.penpals.matching.engine.solver.BlossomSolver} and the {@link
 * org.penpals.matching.engine.solver.GreedySolver} baseline. Nothing here knows about people.
 */
@NullMarked
package org.penpals.matching.engine.solver;

import org.jspecify.annotations.NullMarked;
