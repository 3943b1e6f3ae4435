@NullMarked
package org.penpals.matching.rematch.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
