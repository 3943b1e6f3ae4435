package org.penpals.matching.engine;

import java.util.Objects;

/** An applicant left without a group, with the reason in words for staff. */
public record Waitlisted(String candidateId, WaitlistReason reason, String detail) {
  public Waitlisted {
    Objects.requireNonNull(candidateId, "candidateId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
