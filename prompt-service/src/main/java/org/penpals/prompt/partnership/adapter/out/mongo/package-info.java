@NullMarked
package org.penpals.prompt.partnership.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
