/** End-to-end tests of the local stack's {@code ./penpals} script. */
@NullMarked
package org.penpals.local.stack;

import org.jspecify.annotations.NullMarked;
