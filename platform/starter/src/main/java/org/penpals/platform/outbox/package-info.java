@NullMarked
package org.penpals.platform.outbox;

import org.jspecify.annotations.NullMarked;
