@NullMarked
package org.penpals.prompt.schedule.domain;

import org.jspecify.annotations.NullMarked;
