package org.penpals.messaging.announcement.domain;

import java.util.Objects;

/**
 * An announcement's words in one language.
 *
 * @param subject one line, 1-{@value #SUBJECT_MAX} characters
 * @param body Markdown, 1-{@value #BODY_MAX} characters
 */
public record Text(String subject, String body) {
  public static final int SUBJECT_MAX = 200;
  public static final int BODY_MAX = 20_000;

  public Text {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    if (subject.isBlank() || subject.length() > SUBJECT_MAX || subject.contains("\n")) {
      throw new IllegalArgumentException(
          "a subject is one line of 1-" + SUBJECT_MAX + " characters");
    }
    if (body.isBlank() || body.length() > BODY_MAX) {
      throw new IllegalArgumentException("a body has 1-" + BODY_MAX + " characters");
    }
  }
}
