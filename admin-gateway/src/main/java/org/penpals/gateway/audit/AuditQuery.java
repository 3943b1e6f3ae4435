package org.penpals.gateway.audit;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;

/**
 * A search of the audit log; every filter optional, newest first.
 *
 * @param actor exact email (case-insensitive)
 * @param text part of the action, path or target
 * @param outcome {@code success}, {@code rejected}, {@code denied}, {@code failed}, {@code
 *     refused}, {@code locked} or {@code pending}
 */
public record AuditQuery(
    @Nullable String actor,
    @Nullable String text,
    @Nullable String outcome,
    @Nullable Instant from,
    @Nullable Instant to,
    int page,
    int size) {
  public static final int MAX_SIZE = 200;

  public AuditQuery {
    Rules rules = new Rules();
    actor = blankToNull(actor);
    actor = actor == null ? null : actor.toLowerCase(Locale.ROOT);
    text = blankToNull(text);
    outcome = blankToNull(outcome);
    if (text != null) {
      rules.require(text.length() <= 100, "text", "must have at most 100 characters");
    }
    if (outcome != null) {
      rules.require(
          outcome.matches("success|rejected|denied|failed|refused|locked|throttled|pending"),
          "outcome",
          "must be success, rejected, denied, failed, refused, locked, throttled or pending");
    }
    rules.require(page >= 0 && page <= 100_000, "page", "must be between 0 and 100000");
    rules.require(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
    rules.throwIfAny();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
