@NullMarked
package org.penpals.matching.partnership;

import org.jspecify.annotations.NullMarked;
