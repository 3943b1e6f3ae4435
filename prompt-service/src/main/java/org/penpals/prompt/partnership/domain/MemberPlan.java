package org.penpals.prompt.partnership.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;

/**
 * One participant's prompts within one partnership: prompts {@code first..last} of the cycle, at
 * the cycle's hour in the participant's zone; {@code next} is the one still to come. What happens
 * to each prompt is decided once, by whoever first writes its {@link Delivery} (keyed by the
 * delivery id), so it is sent at most once however many schedulers run; {@code next} then moves on.
 */
public record MemberPlan(
    String id,
    String partnershipId,
    String cycleId,
    String participantId,
    @Nullable String timeZone,
    @Nullable String locale,
    ProgrammeCalendar calendar,
    int first,
    int last,
    int next,
    Status status) {

  public enum Status {
    /** Prompts go out. */
    ACTIVE,
    /** The partnership was dissolved: nothing more is sent. */
    STOPPED,
    /** The participant erased their data: nothing more is sent. */
    ERASED,
    /** The partnership ran to the end of its cycle: nothing more is sent. */
    COMPLETED
  }

  public MemberPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(status, "status");
  }

  public static String id(String partnershipId, String participantId) {
    return partnershipId + "/" + participantId;
  }

  /** The stable id of a prompt delivery: one per (partnership, participant, prompt number). */
  public static String deliveryId(String partnershipId, String participantId, int number) {
    return partnershipId + ":" + participantId + ":" + number;
  }

  public String deliveryId(int number) {
    return deliveryId(partnershipId, participantId, number);
  }

  /** Whether prompt {@code number} is the one this plan waits to send. */
  public boolean awaits(int number) {
    return status == Status.ACTIVE && next == number && number <= last;
  }

  public Instant dueAt(int number) {
    if (timeZone == null) {
      throw new IllegalStateException("plan " + id + " has no time zone (erased)");
    }
    return calendar.dueAt(number, ZoneId.of(timeZone));
  }

  /** What to do with prompt {@code number} now (see {@link Overdue}). */
  public Overdue.Decision decide(int number, Instant now, Duration lateAfter) {
    Instant nextDue = number < last ? dueAt(number + 1) : null;
    return Overdue.decide(dueAt(number), nextDue, now, lateAfter);
  }

  /** The delivery ids of all this plan's prompts. */
  public java.util.List<String> deliveryIds() {
    return java.util.stream.IntStream.rangeClosed(first, last).mapToObj(this::deliveryId).toList();
  }
}
