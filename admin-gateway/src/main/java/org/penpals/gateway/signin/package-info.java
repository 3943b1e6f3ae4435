@NullMarked
package org.penpals.gateway.signin;

import org.jspecify.annotations.NullMarked;
