@NullMarked
package org.penpals.gateway.route;

import org.jspecify.annotations.NullMarked;
