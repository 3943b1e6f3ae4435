/**
 * The Penpals command line: {@code keys}, {@code token}, {@code demo}, {@code bench apply} and
 * {@code help}, one class per command. A plain Java main that never starts a Spring context, so it
 * starts in well under a second; what it writes to standard output is its only output path.
 */
@NullMarked
package org.penpals.cli;

import org.jspecify.annotations.NullMarked;
