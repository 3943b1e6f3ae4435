package org.penpals.registration.participant.domain;

import java.time.Instant;

/**
 * What the applicant agreed to, and when. Both are required to apply.
 *
 * @param privacyNotice the privacy notice
 * @param shareContactWithPartner that name, country, organisation, email and local time go to the
 *     partner
 */
public record Consent(boolean privacyNotice, boolean shareContactWithPartner, Instant givenAt) {}
