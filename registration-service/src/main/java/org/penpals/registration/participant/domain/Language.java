package org.penpals.registration.participant.domain;

/**
 * A language an applicant speaks.
 *
 * @param code ISO 639-1, lower case
 * @param correspondence happy to correspond with a partner in it
 */
public record Language(String code, boolean correspondence) {}
