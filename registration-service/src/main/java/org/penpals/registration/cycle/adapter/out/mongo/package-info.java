@NullMarked
package org.penpals.registration.cycle.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
