@NullMarked
package org.penpals.matching;

import org.jspecify.annotations.NullMarked;
