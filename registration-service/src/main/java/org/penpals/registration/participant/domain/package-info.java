@NullMarked
package org.penpals.registration.participant.domain;

import org.jspecify.annotations.NullMarked;
