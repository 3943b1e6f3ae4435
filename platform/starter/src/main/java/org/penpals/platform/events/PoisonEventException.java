package org.penpals.platform.events;

/**
 * A record that can never be processed (malformed, missing headers, breaks the contract). Not
 * retried: the binder sends it straight to the dead-letter topic.
 */
public class PoisonEventException extends RuntimeException {
  public PoisonEventException(String message) {
    super(message);
  }

  public PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
