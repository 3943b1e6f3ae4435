@NullMarked
package org.penpals.gateway;

import org.jspecify.annotations.NullMarked;
