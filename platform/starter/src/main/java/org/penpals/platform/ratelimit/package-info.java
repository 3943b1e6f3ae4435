@NullMarked
package org.penpals.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
