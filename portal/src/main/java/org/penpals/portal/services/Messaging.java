package org.penpals.portal.services;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The messaging service's participant API. */
public interface Messaging {

  record Partner(
      String participantId,
      String name,
      @Nullable String country,
      @Nullable String organisation,
      @Nullable String email,
      @Nullable String timeZone,
      @Nullable String language) {}

  /** {@code ACTIVE} while it runs, {@code COMPLETED} once it ended with its cycle. */
  enum PartnershipStatus {
    ACTIVE,
    COMPLETED,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * My current partnership and my partners' cards.
   *
   * @param completedAt when it ended with its cycle; null while active
   */
  record Partnership(
      String partnershipId,
      String cycleId,
      @Nullable PartnershipStatus status,
      @Nullable Instant completedAt,
      List<Partner> partners) {

    /** It ran to the end of its cycle. */
    public boolean completed() {
      return status == PartnershipStatus.COMPLETED;
    }
  }

  /** What a notice tells of. {@code UNKNOWN}: a kind this portal does not know yet. */
  enum NoticeKind {
    WAITLISTED,
    ADMITTED,
    PARTNER_LEFT,
    PARTNERSHIP_DISSOLVED,
    NEW_PARTNER,
    REMINDER,
    PARTNERSHIP_ENDED,
    CYCLE_COMPLETED,
    ANNOUNCEMENT,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * A life-event mail or announcement the programme sent me.
   *
   * @param text plain text (never HTML): always shown as text
   * @param at when it was made
   */
  record Notice(String id, NoticeKind kind, String subject, String text, Instant at) {}

  /** A message; its text is plain text, always shown as text. */
  record Message(String id, String authorId, String text, Instant postedAt) {}

  /** My current partnership; empty until I am matched. */
  Optional<Partnership> partnership(String participantId);

  List<Message> messages(String participantId, String partnershipId);

  Message post(String participantId, String partnershipId, String text);

  /** My notices, newest first (at most 50); empty when there are none. */
  List<Notice> notices(String participantId);

  /** My threads with their messages, for the data export. */
  JsonNode threads(String participantId);
}
