package org.penpals.messaging.mail.application;

import java.time.Duration;

/** The mail server cannot take anything now; try again after {@link #retryAfter()}. */
public class TransportUnavailable extends RuntimeException {
  private final Duration retryAfter;

  public TransportUnavailable(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
