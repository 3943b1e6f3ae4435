/**
 * Matching algorithms on plain integer-weighted graphs: the exact primal-dual {@link
 * org.penpals.matching.engine.solver.BlossomSolver} (optionally jump-started from the fractional LP
 * of {@link org.penpals.matching.engine.solver.FractionalMatching}), bound and round for large
 * graphs ({@link org.penpals.matching.engine.solver.AuctionMatching}, {@link
 * org.penpals.matching.engine.solver.CardinalityAugmentation}) and the {@link
 * org.penpals.matching.engine.solver.GreedySolver} baseline. Nothing here knows about people.
 */
@NullMarked
package org.penpals.matching.engine.solver;

import org.jspecify.annotations.NullMarked;
