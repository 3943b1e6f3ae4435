/**
 * The plain-Java vocabulary every service's domain shares for saying no: a broken rule ({@link
 * org.penpals.platform.domain.InvalidInput}, collected with {@link
 * org.penpals.platform.domain.Rules}), a state that forbids the change ({@link
 * org.penpals.platform.domain.StateConflict}), something missing ({@link
 * org.penpals.platform.domain.NotFound}). No framework types: domains may depend on it; the
 * platform starter answers each as an RFC 9457 problem.
 */
@NullMarked
package org.penpals.platform.domain;

import org.jspecify.annotations.NullMarked;
