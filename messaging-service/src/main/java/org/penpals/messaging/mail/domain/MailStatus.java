package org.penpals.messaging.mail.domain;

/** A mail's life: PENDING → SENDING (claimed under a lease) → SENT or FAILED. */
public enum MailStatus {
  /** Stored, waiting to be sent (again). */
  PENDING,
  /** Claimed by a sender until its lease runs out. */
  SENDING,
  /** The SMTP server accepted it. */
  SENT,
  /** Refused for good (e.g. unknown mailbox) or gave up after many transient failures. */
  FAILED,
  /** Not sent: the recipient was erased before it went out. */
  CANCELLED
}
