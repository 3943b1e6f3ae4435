@NullMarked
package org.penpals.messaging;

import org.jspecify.annotations.NullMarked;
