@NullMarked
package org.penpals.platform.events;

import org.jspecify.annotations.NullMarked;
