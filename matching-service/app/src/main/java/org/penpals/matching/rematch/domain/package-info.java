@NullMarked
package org.penpals.matching.rematch.domain;

import org.jspecify.annotations.NullMarked;
