package org.penpals.messaging.mail.application;

import java.util.Collection;
import java.util.List;

/**
 * Mails owed to participants whose details this service has not received yet, kept until they
 * arrive (then rendered and queued under their usual key) or the participant is erased. Everything
 * of one participant is read and written together, by participant id.
 */
public interface PendingMails {
  /**
   * Keeps an owed mail until its recipient is known.
   *
   * @return false if a mail under the same key is kept already (a redelivered cause)
   */
  boolean add(OwedMail mail);

  /** The participant's owed mails, in the order their causes arrived. */
  List<OwedMail> of(String participantId);

  /** Forgets these mails of the participant (they were queued, or are owed no longer). */
  void remove(String participantId, Collection<String> keys);

  /** Forgets every owed mail of the participant (erasure). */
  void erase(String participantId);
}
