@NullMarked
package org.penpals.registration.participant.application;

import org.jspecify.annotations.NullMarked;
