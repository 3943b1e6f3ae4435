@NullMarked
package org.penpals.registration.participant.adapter.in.schedule;

import org.jspecify.annotations.NullMarked;
