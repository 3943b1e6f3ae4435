package org.penpals.messaging.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code penpals.messaging.*}.
 *
 * @param from the sender of programme mail ({@code MAIL_FROM}); its domain names Message-IDs
 * @param portalUrl the participant portal, linked from mails
 * @param verifyUrl the portal's verification page; the token is appended
 * @param signInUrl the portal's sign-in page; the token is appended
 * @param contact the programme team's address, given in mails that invite questions
 * @param senders sender threads per instance
 * @param batchSize mails per SMTP connection (capped by the rate limiter's limit per period)
 * @param lease how long a claimed mail stays with its sender
 * @param sweepInterval how often the store is swept for due or abandoned mails
 * @param maxAttempts transient failures of one mail before it is FAILED
 * @param firstBackoff wait after a mail's first transient failure (doubles)
 * @param maxBackoff the longest wait between a mail's attempts
 * @param unavailableBackoff pause after the server could not be reached (retries exhausted)
 * @param announcements how announcements are delivered
 */
@ConfigurationProperties("penpals.messaging")
public record MessagingProperties(
    String from,
    String portalUrl,
    String verifyUrl,
    String signInUrl,
    String contact,
    int senders,
    int batchSize,
    Duration lease,
    Duration sweepInterval,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration unavailableBackoff,
    Announcements announcements) {

  /**
   * {@code penpals.messaging.announcements.*}; {@code interval} (how often due announcements are
   * looked for) is read by the scheduler itself.
   *
   * @param batchSize recipients handled between two records of progress
   * @param batchesPerRound batches one round handles per announcement
   */
  public record Announcements(int batchSize, int batchesPerRound) {}
}
