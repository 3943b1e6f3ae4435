package org.penpals.messaging.mail.domain;

import java.util.Objects;

/** A rendered mail: subject, plain-text body and HTML body. */
public record MailContent(String subject, String text, String html) {
  public MailContent {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    if (subject.isBlank() || subject.contains("\n") || subject.contains("\r")) {
      throw new IllegalArgumentException("a subject is one non-empty line");
    }
  }

  @Override
  public String toString() {
    return "MailContent[subject=" + subject + "]";
  }
}
