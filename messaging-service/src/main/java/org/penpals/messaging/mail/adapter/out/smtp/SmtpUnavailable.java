package org.penpals.messaging.mail.adapter.out.smtp;

/** Nothing of a batch could be handed to the server: it is down, unreachable or refused us. */
public class SmtpUnavailable extends RuntimeException {
  public SmtpUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
