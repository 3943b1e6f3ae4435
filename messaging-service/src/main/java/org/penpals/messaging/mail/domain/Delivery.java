package org.penpals.messaging.mail.domain;

/** What the mail server said about one mail. */
public sealed interface Delivery {
  /** Accepted for delivery (SMTP 250 after DATA). */
  record Accepted() implements Delivery {}

  /** Refused for good (SMTP 5xx, an invalid address): recorded, not retried. */
  record Rejected(String reason) implements Delivery {}

  /** Refused for now (SMTP 4xx, connection lost mid-batch): tried again later. */
  record Deferred(String reason) implements Delivery {}

  static Delivery accepted() {
    return new Accepted();
  }
}
