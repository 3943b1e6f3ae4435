package org.penpals.messaging.mail.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.mail.domain.Mail;

/**
 * Where mails wait, keyed by their natural key. State changes are single-document conditional
 * updates; a change to SENT or FAILED carries its integration event (outbox) in the same write.
 */
public interface MailQueue {
  /**
   * Stores a new mail.
   *
   * @return false if a mail with this id exists already (the cause was handled before)
   */
  boolean enqueue(Mail mail);

  Optional<Mail> find(String id);

  /**
   * Claims the mails among {@code ids} that may be sent now (PENDING and due, or SENDING with an
   * expired lease) for {@code lease} until {@code until}. One conditional update per mail: two
   * senders never hold the same mail.
   */
  List<Mail> claim(Collection<String> ids, String lease, Instant until, Instant now);

  /** Ids of mails that are due (PENDING) or whose sender vanished (expired lease). Sweeps only. */
  List<String> due(Instant now, int limit);

  /** The server accepted it: SENT, {@code MailSent} in the outbox, secret content dropped. */
  boolean sent(Mail mail, String lease, Instant at);

  /** Refused for good: FAILED with the reason, {@code MailFailed} in the outbox. */
  boolean failed(Mail mail, String lease, String reason, Instant at);

  /**
   * Back to PENDING until {@code notBefore}.
   *
   * @param countAttempt whether this counts against the mail (its own transient failure) or not
   *     (the server was unreachable for everyone)
   */
  void retryLater(
      String id, String lease, Instant notBefore, @Nullable String reason, boolean countAttempt);

  /** Staff: a participant's mails, optionally of one cycle, newest first. */
  List<Mail> ofParticipant(String participantId, @Nullable String cycleId, int limit);

  /** Staff: failed mails, optionally of one cycle, newest first. */
  List<Mail> failures(@Nullable String cycleId, int limit);

  /**
   * Staff: a SENT or FAILED mail goes out again (a new Message-ID), to {@code to}.
   *
   * @return false if the mail is not SENT or FAILED, or has no content left
   */
  boolean resend(String id, String to, Instant now);

  /**
   * The participant's notices ({@link org.penpals.messaging.mail.domain.MailKind#notice()} mails
   * with their content), newest first.
   */
  List<Mail> notices(String participantId, int limit);

  /**
   * Erasure: deletes the participant's own mails and notices; mails to others about these
   * partnerships that name their partners lose their content, and those not yet sent are cancelled.
   */
  void erase(String participantId, Collection<String> partnershipIds);
}
