@NullMarked
package org.penpals.registration.cycle.application;

import org.jspecify.annotations.NullMarked;
