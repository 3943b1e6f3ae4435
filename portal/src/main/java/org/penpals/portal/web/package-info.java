@NullMarked
package org.penpals.portal.web;

import org.jspecify.annotations.NullMarked;
