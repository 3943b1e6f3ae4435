@NullMarked
package org.penpals.messaging.announcement.domain;

import org.jspecify.annotations.NullMarked;
