@NullMarked
package org.penpals.messaging.benchmark;

import org.jspecify.annotations.NullMarked;
