@NullMarked
package org.penpals.prompt.partnership.adapter.in.scheduler;

import org.jspecify.annotations.NullMarked;
