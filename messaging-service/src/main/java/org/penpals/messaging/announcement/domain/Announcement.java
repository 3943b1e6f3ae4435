package org.penpals.messaging.announcement.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A coordinator's announcement to a cycle, or a segment of it, and how far its delivery got.
 *
 * <p>{@code SCHEDULED} until {@code sendAt}; then the sender freezes its audience ({@code SENDING},
 * {@code recipients} of them) and makes one mail per recipient, recording {@code progress} (how
 * many of the audience it has handled) as it goes; {@code SENT} once all are. Cancelled only while
 * scheduled.
 *
 * @param idempotencyKey the client's key: the same key with the same draft is the same announcement
 * @param fingerprint identifies the draft ({@link Draft#fingerprint()})
 * @param recipients the segment's size: counted when scheduled, frozen when sending starts
 * @param sent recipients who have their mail (made, or found made on a resumed delivery)
 * @param progress how many of the frozen audience were handled
 * @param createdBy the subject of the staff token that asked for it
 * @param rev changes with every write: writes are compare-and-set on it
 */
public record Announcement(
    String id,
    String cycleId,
    String idempotencyKey,
    String fingerprint,
    Draft draft,
    Instant sendAt,
    Status status,
    int recipients,
    int sent,
    int progress,
    Instant createdAt,
    String createdBy,
    long rev) {

  /** An announcement's life. */
  public enum Status {
    SCHEDULED,
    SENDING,
    SENT,
    CANCELLED
  }

  public Announcement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cycleId, "cycleId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(sendAt, "sendAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
    if (recipients < 0 || sent < 0 || progress < 0 || sent > progress) {
      throw new IllegalArgumentException("counts cannot be negative, nor sent above progress");
    }
  }

  /** A new announcement, waiting for its time ({@code sendAt}, or now). */
  public static Announcement schedule(
      String id,
      String cycleId,
      String idempotencyKey,
      Draft draft,
      int recipients,
      Instant now,
      String createdBy) {
    return new Announcement(
        id,
        cycleId,
        idempotencyKey,
        draft.fingerprint(),
        draft,
        draft.sendAt() == null ? now : draft.sendAt(),
        Status.SCHEDULED,
        recipients,
        0,
        0,
        now,
        createdBy,
        0);
  }

  /** The same draft (a repeated request), whatever else changed since. */
  public boolean sameDraft(Draft other) {
    return fingerprint.equals(other.fingerprint());
  }

  /** Sending begins, to an audience of {@code size}. */
  public Announcement started(int size) {
    return with(Status.SENDING, size, 0, 0);
  }

  /** Progress recorded: {@code handled} of the audience, {@code sentSoFar} of whom have a mail. */
  public Announcement progressed(int handled, int sentSoFar) {
    return with(
        handled >= recipients ? Status.SENT : Status.SENDING, recipients, sentSoFar, handled);
  }

  public Announcement cancelled() {
    return with(Status.CANCELLED, recipients, sent, progress);
  }

  private Announcement with(Status next, int size, int sentSoFar, int handled) {
    return new Announcement(
        id,
        cycleId,
        idempotencyKey,
        fingerprint,
        draft,
        sendAt,
        next,
        size,
        sentSoFar,
        handled,
        createdAt,
        createdBy,
        rev + 1);
  }
}
