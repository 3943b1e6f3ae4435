@NullMarked
package org.penpals.matching.run.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
