package org.penpals.contracts.messaging;

import java.util.List;
import org.penpals.contracts.EventType;
import org.penpals.contracts.Topics;

/** The event types messaging-service publishes. */
public final class MessagingEvents {
  public static final EventType<MailSent> MAIL_SENT =
      new EventType<>(
          "org.penpals.messaging.mail.sent.v1",
          Topics.MESSAGING_MAILS,
          MailSent.class,
          MailSent::mailId);
  public static final EventType<MailFailed> MAIL_FAILED =
      new EventType<>(
          "org.penpals.messaging.mail.failed.v1",
          Topics.MESSAGING_MAILS,
          MailFailed.class,
          MailFailed::mailId);
  public static final EventType<PartnerMessagePosted> MESSAGE_POSTED =
      new EventType<>(
          "org.penpals.messaging.message.posted.v1",
          Topics.MESSAGING_CONVERSATIONS,
          PartnerMessagePosted.class,
          PartnerMessagePosted::partnershipId);

  public static final List<EventType<?>> ALL = List.of(MAIL_SENT, MAIL_FAILED, MESSAGE_POSTED);

  private MessagingEvents() {}
}
