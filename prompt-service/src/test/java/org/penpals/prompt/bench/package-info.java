@NullMarked
package org.penpals.prompt.bench;

import org.jspecify.annotations.NullMarked;
