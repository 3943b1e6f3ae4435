@NullMarked
package org.penpals.matching.run.domain;

import org.jspecify.annotations.NullMarked;
