package org.penpals.portal.services;

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

  record Partnership(
      String partnershipId, String cycleId, @Nullable String status, List<Partner> partners) {}

  /** A message; its text is plain text, always shown as text. */
  record Message(String id, String authorId, String text, Instant postedAt) {}

  /** My current partnership; empty until I am matched. */
  Optional<Partnership> partnership(String participantId);

  List<Message> messages(String participantId, String partnershipId);

  Message post(String participantId, String partnershipId, String text);

  /** My threads with their messages, for the data export. */
  JsonNode threads(String participantId);
}
