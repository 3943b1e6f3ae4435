@NullMarked
package org.penpals.messaging.announcement.application;

import org.jspecify.annotations.NullMarked;
