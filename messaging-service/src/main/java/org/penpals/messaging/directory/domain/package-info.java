@NullMarked
package org.penpals.messaging.directory.domain;

import org.jspecify.annotations.NullMarked;
