package org.penpals.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the outbox relay.
 *
 * @param enabled whether this instance relays at all
 * @param batchSize documents handled per round
 * @param sweepInterval how often pending documents nobody signalled are looked for (documents
 *     written by another instance, or left by a crash or a broker outage)
 * @param staleAfter how old a pending entry must be before a sweep takes it, so sweeps do not race
 *     the instance that wrote it
 * @param sendTimeout how long a round waits for the broker's acknowledgements
 * @param maxBackoff the longest pause between attempts while the broker is unreachable
 */
@ConfigurationProperties("penpals.outbox")
public record OutboxProperties(
    Boolean enabled,
    Integer batchSize,
    Duration sweepInterval,
    Duration staleAfter,
    Duration sendTimeout,
    Duration maxBackoff) {

  public OutboxProperties {
    enabled = enabled == null || enabled;
    batchSize = batchSize == null ? 500 : batchSize;
    sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
    staleAfter = staleAfter == null ? Duration.ofSeconds(15) : staleAfter;
    sendTimeout = sendTimeout == null ? Duration.ofSeconds(20) : sendTimeout;
    maxBackoff = maxBackoff == null ? Duration.ofSeconds(15) : maxBackoff;
  }

  public static OutboxProperties defaults() {
    return new OutboxProperties(null, null, null, null, null, null);
  }
}
