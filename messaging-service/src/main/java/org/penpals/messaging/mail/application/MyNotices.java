package org.penpals.messaging.mail.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.penpals.messaging.mail.domain.Mail;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.messaging.mail.domain.MailKind;

/**
 * A participant's notices for the portal: the life-event mails and announcements made for them
 * (their subject and plain text), newest first. The participant is always the caller.
 */
public class MyNotices {
  /** At most this many, the newest. */
  public static final int LIMIT = 50;

  private final MailQueue queue;

  public MyNotices(MailQueue queue) {
    this.queue = queue;
  }

  /**
   * One notice.
   *
   * @param id the mail's id (its natural key)
   * @param at when it was made
   */
  public record Notice(String id, MailKind kind, String subject, String text, Instant at) {
    public Notice {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(at, "at");
    }
  }

  public List<Notice> of(String participantId) {
    return queue.notices(participantId, LIMIT).stream()
        .filter(m -> m.kind().notice() && m.content() != null)
        .map(MyNotices::notice)
        .toList();
  }

  private static Notice notice(Mail mail) {
    MailContent content = Objects.requireNonNull(mail.content());
    return new Notice(mail.id(), mail.kind(), content.subject(), content.text(), mail.createdAt());
  }
}
