package org.penpals.prompt.partnership.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A partner as prompts need them: where they are (IANA zone; null once erased), their language, and
 * when they last showed signs of life (an answer, a message to their partner).
 */
public record Member(
    String participantId,
    @Nullable String timeZone,
    @Nullable String locale,
    @Nullable Instant lastActiveAt) {
  public Member {
    Objects.requireNonNull(participantId, "participantId");
  }
}
