package org.penpals.prompt.partnership.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;
import org.penpals.prompt.library.PromptKind;

/**
 * A participant's answer to the check-in or a survey.
 *
 * @param number the prompt answered ({@code week} on the wire)
 * @param connected check-in: have they been in touch with their partner (required there)
 * @param rating surveys: 1 (not working) to 5 (excellent), optional
 * @param comments free text for the coordinators, optional
 */
public record Answer(
    String participantId,
    int number,
    PromptKind kind,
    @Nullable Boolean connected,
    @Nullable Integer rating,
    @Nullable String comments,
    Instant at) {

  public static final int MAX_COMMENTS = 2000;

  public Answer {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Rules rules = new Rules();
    rules.require(kind.touchpoint(), "week", "is a discussion topic, not a check-in or survey");
    if (kind == PromptKind.CHECK_IN) {
      rules.present(connected, "connected");
    }
    if (rating != null) {
      rules.require(rating >= 1 && rating <= 5, "rating", "must be between 1 and 5");
    }
    if (comments != null) {
      comments = rules.text(comments.replace("\r\n", "\n"), "comments", 0, MAX_COMMENTS);
      if (comments != null && comments.isEmpty()) {
        comments = null;
      }
    }
    rules.throwIfAny();
  }
}
