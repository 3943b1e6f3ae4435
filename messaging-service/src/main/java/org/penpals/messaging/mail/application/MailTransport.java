package org.penpals.messaging.mail.application;

import java.util.List;
import java.util.Map;
import org.penpals.messaging.mail.domain.Delivery;
import org.penpals.messaging.mail.domain.Mail;

/** Hands mails to the mail server. */
public interface MailTransport {
  /**
   * Sends a batch (over one connection where possible).
   *
   * @return what the server said about each mail, by mail id
   * @throws TransportUnavailable when nothing could be handed over (server down, circuit open,
   *     provider rate limit): no mail of the batch was accepted
   */
  Map<String, Delivery> send(List<Mail> batch);

  /** The most mails one {@link #send} should carry (the provider's rate limit per period). */
  int maxBatch();
}
