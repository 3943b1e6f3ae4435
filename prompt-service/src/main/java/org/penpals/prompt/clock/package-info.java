@NullMarked
package org.penpals.prompt.clock;

import org.jspecify.annotations.NullMarked;
