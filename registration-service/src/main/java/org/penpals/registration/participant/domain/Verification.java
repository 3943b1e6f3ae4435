package org.penpals.registration.participant.domain;

import java.time.Instant;

/**
 * A pending email verification: only the SHA-256 of the single-use token is kept.
 *
 * @param tokenHash hex SHA-256 of the token mailed to the applicant
 * @param expiresAt when the link stops working
 */
public record Verification(String tokenHash, Instant expiresAt) {}
