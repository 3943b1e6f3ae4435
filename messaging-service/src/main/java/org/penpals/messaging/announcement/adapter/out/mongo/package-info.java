@NullMarked
package org.penpals.messaging.announcement.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
