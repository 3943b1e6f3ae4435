/** Plain-Java building blocks the features share: rule violations and their exceptions. */
@NullMarked
package org.penpals.registration.shared;

import org.jspecify.annotations.NullMarked;
