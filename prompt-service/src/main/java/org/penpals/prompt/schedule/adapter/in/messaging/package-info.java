@NullMarked
package org.penpals.prompt.schedule.adapter.in.messaging;

import org.jspecify.annotations.NullMarked;
