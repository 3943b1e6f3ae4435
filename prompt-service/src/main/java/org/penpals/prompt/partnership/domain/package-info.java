@NullMarked
package org.penpals.prompt.partnership.domain;

import org.jspecify.annotations.NullMarked;
