/**
 * Events published by registration-service: cycles ({@code penpals.registration.cycles.v1}) and
 * participants ({@code penpals.registration.participants.v1}) and sign-in links ({@code
 * penpals.registration.sign-in-links.v1}).
 */
@NullMarked
package org.penpals.contracts.registration;

import org.jspecify.annotations.NullMarked;
