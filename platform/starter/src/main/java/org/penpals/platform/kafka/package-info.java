@NullMarked
package org.penpals.platform.kafka;

import org.jspecify.annotations.NullMarked;
