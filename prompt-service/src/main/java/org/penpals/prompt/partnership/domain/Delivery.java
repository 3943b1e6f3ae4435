package org.penpals.prompt.partnership.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one of a participant's prompts: decided once, by whoever wrote it first.
 *
 * @param number the prompt number (the week, for weekly cycles)
 * @param status {@code SENT}, {@code SKIPPED} (missed during downtime, see {@link Overdue}) or
 *     {@code STOPPED} (the partnership was dissolved or the participant erased before it was due)
 * @param dueAt when it was due, at the cycle's hour in the participant's zone
 * @param at when it was sent or skipped
 * @param late sent more than a day after it was due
 * @param kind {@code PROMPT}, {@code CHECK_IN}, {@code MID_SURVEY}, {@code FINAL_SURVEY}
 */
public record Delivery(
    String deliveryId,
    String planId,
    int number,
    Status status,
    Instant dueAt,
    Instant at,
    boolean late,
    @Nullable String promptId,
    @Nullable String kind) {

  public boolean sent() {
    return status == Status.SENT;
  }

  public enum Status {
    SENT,
    SKIPPED,
    STOPPED
  }

  public Delivery {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(at, "at");
  }
}
