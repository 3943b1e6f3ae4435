@NullMarked
package org.penpals.gateway.token;

import org.jspecify.annotations.NullMarked;
