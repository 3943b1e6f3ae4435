@NullMarked
package org.penpals.portal;

import org.jspecify.annotations.NullMarked;
