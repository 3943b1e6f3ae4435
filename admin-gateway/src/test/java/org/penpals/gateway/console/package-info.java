@NullMarked
package org.penpals.gateway.console;

import org.jspecify.annotations.NullMarked;
