@NullMarked
package org.penpals.registration.participant.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
