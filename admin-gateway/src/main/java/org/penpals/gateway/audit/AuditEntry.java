package org.penpals.gateway.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One staff action: who, when, what, on what, and how it ended.
 *
 * @param id time-ordered id; the response carries it as {@code X-Audit-Id}
 * @param actor the staff member's email, or {@code anonymous}
 * @param staffId the subject of the tokens minted for the actor (what services log)
 * @param action what was done, e.g. {@code registration.cycle.open} or {@code sign-in}
 * @param target what it was done to, e.g. {@code cycleId=c-1}
 * @param status the HTTP status of the answer; 0 while the request is under way
 * @param outcome {@code pending}, {@code success}, {@code rejected} (4xx other than below), {@code
 *     denied} (401/403), {@code failed} (5xx) — or, for sign-in, {@code refused}/{@code locked}
 */
public record AuditEntry(
    String id,
    Instant at,
    String actor,
    @Nullable String staffId,
    @Nullable String role,
    String action,
    String method,
    String path,
    @Nullable String query,
    @Nullable String target,
    int status,
    String outcome,
    long durationMs,
    @Nullable String client) {

  public static String outcomeOf(int status) {
    if (status == 0) {
      return "pending";
    }
    if (status < 400) {
      return "success";
    }
    if (status == 401 || status == 403) {
      return "denied";
    }
    return status < 500 ? "rejected" : "failed";
  }
}
