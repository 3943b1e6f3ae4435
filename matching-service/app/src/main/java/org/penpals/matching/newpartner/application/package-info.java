@NullMarked
package org.penpals.matching.newpartner.application;

import org.jspecify.annotations.NullMarked;
