@NullMarked
package org.penpals.matching.pool;

import org.jspecify.annotations.NullMarked;
