@NullMarked
package org.penpals.matching.rematch.application;

import org.jspecify.annotations.NullMarked;
