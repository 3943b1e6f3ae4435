@NullMarked
package org.penpals.portal.signin;

import org.jspecify.annotations.NullMarked;
