@NullMarked
package org.penpals.prompt.partnership.application;

import org.jspecify.annotations.NullMarked;
