package org.penpals.contracts.matching;

import java.time.Instant;
import java.util.Objects;

/**
 * Staff published a cycle's matching: its partnerships follow as {@link PartnershipFormed}. Type
 * {@code org.penpals.matching.cycle.published.v1}; key: the cycle id. Registration moves the cycle
 * to MATCHES_PUBLISHED (applications can no longer be edited).
 */
public record MatchesPublished(
    String cycleId, String runId, int partnerships, int waitlisted, Instant publishedAt) {
  public MatchesPublished {
    Check.text(cycleId, "cycleId");
    Check.text(runId, "runId");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
