@NullMarked
package org.penpals.prompt.library;

import org.jspecify.annotations.NullMarked;
