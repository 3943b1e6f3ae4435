@NullMarked
package org.penpals.messaging.support;

import org.jspecify.annotations.NullMarked;
