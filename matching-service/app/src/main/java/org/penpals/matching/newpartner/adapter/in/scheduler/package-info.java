@NullMarked
package org.penpals.matching.newpartner.adapter.in.scheduler;

import org.jspecify.annotations.NullMarked;
