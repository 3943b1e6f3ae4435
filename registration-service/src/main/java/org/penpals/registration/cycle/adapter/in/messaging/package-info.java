@NullMarked
package org.penpals.registration.cycle.adapter.in.messaging;

import org.jspecify.annotations.NullMarked;
