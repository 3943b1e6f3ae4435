@NullMarked
package org.penpals.local.stack.portal;

import org.jspecify.annotations.NullMarked;
