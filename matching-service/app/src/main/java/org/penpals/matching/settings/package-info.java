@NullMarked
package org.penpals.matching.settings;

import org.jspecify.annotations.NullMarked;
