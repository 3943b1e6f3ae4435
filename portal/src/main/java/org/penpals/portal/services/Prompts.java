package org.penpals.portal.services;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The prompt service's participant API. */
public interface Prompts {

  /** A prompt the participant received, in their language. */
  record Received(
      int number,
      int week,
      String kind,
      String title,
      String body,
      Instant dueAt,
      Instant sentAt,
      boolean late,
      boolean answerable,
      boolean answered) {

    public boolean checkIn() {
      return "CHECK_IN".equals(kind);
    }

    public boolean survey() {
      return "MID_SURVEY".equals(kind) || "FINAL_SURVEY".equals(kind);
    }

    /** A touchpoint still waiting for my answer. */
    public boolean toAnswer() {
      return answerable && !answered && (checkIn() || survey());
    }
  }

  record View(
      String partnershipId,
      String cycleId,
      String status,
      String locale,
      int first,
      int last,
      @Nullable Received current,
      List<Received> past,
      @Nullable Integer nextNumber,
      @Nullable Instant nextDueAt) {}

  /** What "my partner has gone quiet" filed: OPEN until {@code checkAt}. */
  record Report(String reportId, String status, Instant reportedAt, Instant checkAt) {}

  /** My prompts; empty while I have no partnership. */
  Optional<View> mine(String participantId);

  void answer(
      String participantId,
      int number,
      @Nullable Boolean connected,
      @Nullable Integer rating,
      @Nullable String comments);

  Report reportQuiet(String participantId, @Nullable String note);
}
