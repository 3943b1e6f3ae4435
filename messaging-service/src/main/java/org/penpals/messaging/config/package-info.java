@NullMarked
package org.penpals.messaging.config;

import org.jspecify.annotations.NullMarked;
