@NullMarked
package org.penpals.platform.security;

import org.jspecify.annotations.NullMarked;
