@NullMarked
package org.penpals.gateway.api;

import org.jspecify.annotations.NullMarked;
