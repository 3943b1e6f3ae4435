@NullMarked
package org.penpals.matching.newpartner.domain;

import org.jspecify.annotations.NullMarked;
