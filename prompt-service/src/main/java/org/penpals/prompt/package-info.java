@NullMarked
package org.penpals.prompt;

import org.jspecify.annotations.NullMarked;
