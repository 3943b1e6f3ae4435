@NullMarked
package org.penpals.portal.config;

import org.jspecify.annotations.NullMarked;
