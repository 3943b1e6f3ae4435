@NullMarked
package org.penpals.gateway.support;

import org.jspecify.annotations.NullMarked;
