package org.penpals.messaging.conversation.domain;

import java.time.Instant;
import java.util.Objects;
import org.penpals.platform.domain.Rules;

/**
 * A message one partner wrote to the others. The text is plain text, kept exactly as written
 * (trimmed): it is never interpreted as markup here, and whoever shows it must show it as text.
 */
public record Message(String id, String authorId, String text, Instant postedAt) {
  public static final int MAX_LENGTH = 4000;

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(postedAt, "postedAt");
  }

  /** A new message; the text must have 1-{@value #MAX_LENGTH} characters, no control characters. */
  public static Message write(String id, String authorId, String text, Instant now) {
    Rules rules = new Rules();
    String checked = rules.text(text, "text", 1, MAX_LENGTH);
    rules.throwIfAny();
    return new Message(id, authorId, checked, now);
  }
}
