@NullMarked
package org.penpals.matching.run.application;

import org.jspecify.annotations.NullMarked;
