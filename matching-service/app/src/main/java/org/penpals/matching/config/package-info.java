@NullMarked
package org.penpals.matching.config;

import org.jspecify.annotations.NullMarked;
