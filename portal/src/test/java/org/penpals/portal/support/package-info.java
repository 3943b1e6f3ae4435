@NullMarked
package org.penpals.portal.support;

import org.jspecify.annotations.NullMarked;
