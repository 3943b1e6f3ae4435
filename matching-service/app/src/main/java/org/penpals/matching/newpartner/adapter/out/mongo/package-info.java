@NullMarked
package org.penpals.matching.newpartner.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
