package org.penpals.messaging.mail.application;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.directory.application.Directory;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.mail.domain.Mail;
import org.penpals.messaging.mail.domain.MailStatus;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;

/** Staff: what was sent to whom, what failed, and sending again. */
public class MailLog {
  private final MailQueue queue;
  private final Directory directory;
  private final Clock clock;
  private final Consumer<String> enqueued;

  public MailLog(MailQueue queue, Directory directory, Clock clock, Consumer<String> enqueued) {
    this.queue = queue;
    this.directory = directory;
    this.clock = clock;
    this.enqueued = enqueued;
  }

  public List<Mail> ofParticipant(String participantId, @Nullable String cycleId, int limit) {
    return queue.ofParticipant(participantId, cycleId, limit);
  }

  public List<Mail> failures(@Nullable String cycleId, int limit) {
    return queue.failures(cycleId, limit);
  }

  public Mail mail(String id) {
    return queue.find(id).orElseThrow(() -> new NotFound("mail", "mailId"));
  }

  /**
   * Sends a SENT or FAILED mail again, to the participant's current address (it may have been
   * corrected since), with a new Message-ID.
   */
  public Mail resend(String id) {
    Mail mail = mail(id);
    if (mail.status() != MailStatus.SENT && mail.status() != MailStatus.FAILED) {
      throw new StateConflict(
          "only a sent or failed mail can be resent; this one is " + mail.status());
    }
    if (mail.content() == null) {
      throw new StateConflict(
          "this mail's content is not kept (a secret link, or an erased participant):"
              + " ask for a new one");
    }
    String to =
        mail.participantId() == null
            ? mail.to()
            : directory.recipient(mail.participantId()).map(Recipient::email).orElse(mail.to());
    if (!queue.resend(id, to, clock.instant())) {
      throw new StateConflict("the mail changed meanwhile; try again");
    }
    enqueued.accept(id);
    return mail(id);
  }
}
