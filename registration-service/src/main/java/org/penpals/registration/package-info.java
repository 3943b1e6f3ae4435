@NullMarked
package org.penpals.registration;

import org.jspecify.annotations.NullMarked;
