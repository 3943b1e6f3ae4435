@NullMarked
package org.penpals.platform.mongo;

import org.jspecify.annotations.NullMarked;
