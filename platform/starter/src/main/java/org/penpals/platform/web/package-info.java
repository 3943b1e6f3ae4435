@NullMarked
package org.penpals.platform.web;

import org.jspecify.annotations.NullMarked;
