/**
 * The Penpals matching engine: candidates, hard rules and weights in; partnerships, explanations
 * and a quality report out. Plain Java with no framework types, so that the matching service (and
 * anything else) can call it and the rules can be tested on their own.
 *
 * <p>Entry points: {@link org.penpals.matching.engine.MatchingEngine#match}, {@link
 * org.penpals.matching.engine.Scorer} (explain any pair) and {@link
 * org.penpals.matching.engine.HardRules} (may these two be partners?).
 */
@NullMarked
package org.penpals.matching.engine;

import org.jspecify.annotations.NullMarked;
