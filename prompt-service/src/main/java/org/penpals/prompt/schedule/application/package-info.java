@NullMarked
package org.penpals.prompt.schedule.application;

import org.jspecify.annotations.NullMarked;
