@NullMarked
package org.penpals.messaging.announcement.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
