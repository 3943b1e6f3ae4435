@NullMarked
package org.penpals.matching.rematch.adapter.in.scheduler;

import org.jspecify.annotations.NullMarked;
