package org.penpals.messaging.directory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What this service knows of a partnership: its members (from {@code PartnershipFormed}), whether
 * it was dissolved or completed, and its prompt plan (from {@code PromptsPlanned}). The events may
 * arrive in any order, so each half is optional until it came.
 *
 * @param members empty until the partnership's formation is known
 * @param formed whether {@code PartnershipFormed} arrived
 * @param dissolved whether {@code PartnershipDissolved} arrived: nothing more is sent to it
 * @param first the first prompt, once planned
 * @param firstDue each member's first prompt time, once planned
 * @param completedAt when it ran to the end of its cycle ({@code PartnershipCompleted}), if it did
 */
public record Partnership(
    String partnershipId,
    String cycleId,
    List<String> members,
    boolean formed,
    boolean dissolved,
    @Nullable Prompt first,
    Map<String, Instant> firstDue,
    @Nullable Instant completedAt) {

  public Partnership {
    Objects.requireNonNull(partnershipId, "partnershipId");
    Objects.requireNonNull(cycleId, "cycleId");
    members = List.copyOf(members);
    firstDue = Map.copyOf(firstDue);
    if (formed && (members.size() < 2 || members.size() > 3)) {
      throw new IllegalArgumentException("a partnership has two or three members");
    }
  }

  public Partnership(
      String partnershipId,
      String cycleId,
      List<String> members,
      boolean formed,
      boolean dissolved,
      @Nullable Prompt first,
      Map<String, Instant> firstDue) {
    this(partnershipId, cycleId, members, formed, dissolved, first, firstDue, null);
  }

  public boolean hasMember(String participantId) {
    return formed && members.contains(participantId);
  }

  /** The other members, seen from {@code participantId}. */
  public List<String> partnersOf(String participantId) {
    return members.stream().filter(m -> !m.equals(participantId)).toList();
  }

  /** Formed, planned, not dissolved and not over: introductions can go out. */
  public boolean readyForIntroductions() {
    return active() && first != null;
  }

  public Optional<Prompt> firstPrompt() {
    return Optional.ofNullable(first);
  }

  public boolean completed() {
    return completedAt != null;
  }

  /** Formed and running: neither dissolved nor completed. */
  public boolean active() {
    return formed && !dissolved && !completed();
  }

  /**
   * Formed and not dissolved: running, or ran to the end of its cycle. The partner card shows it,
   * and its members are not "without a partnership" when the cycle ends.
   */
  public boolean current() {
    return formed && !dissolved;
  }
}
