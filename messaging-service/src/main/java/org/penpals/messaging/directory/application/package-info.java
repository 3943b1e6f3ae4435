@NullMarked
package org.penpals.messaging.directory.application;

import org.jspecify.annotations.NullMarked;
