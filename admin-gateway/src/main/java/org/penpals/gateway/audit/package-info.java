@NullMarked
package org.penpals.gateway.audit;

import org.jspecify.annotations.NullMarked;
