@NullMarked
package org.penpals.gateway.staff;

import org.jspecify.annotations.NullMarked;
