@NullMarked
package org.penpals.registration.cycle.domain;

import org.jspecify.annotations.NullMarked;
