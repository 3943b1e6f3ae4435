@NullMarked
package org.penpals.prompt.config;

import org.jspecify.annotations.NullMarked;
