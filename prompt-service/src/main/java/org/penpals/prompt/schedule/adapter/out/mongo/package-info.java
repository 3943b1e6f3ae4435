@NullMarked
package org.penpals.prompt.schedule.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
