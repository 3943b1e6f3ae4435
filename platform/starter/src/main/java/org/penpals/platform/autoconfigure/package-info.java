@NullMarked
package org.penpals.platform.autoconfigure;

import org.jspecify.annotations.NullMarked;
