/** The matching benchmark: {@link org.penpals.matching.benchmark.MatchingBenchmark}. */
@NullMarked
package org.penpals.matching.benchmark;

import org.jspecify.annotations.NullMarked;
