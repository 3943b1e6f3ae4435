package org.penpals.messaging.mail.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.penpals.messaging.mail.domain.Delivery;
import org.penpals.messaging.mail.domain.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends stored mails: takes ids from signals (mails just stored by this instance), from its own
 * deferrals (transient failures, outages) and from periodic sweeps of the store (mails stored by
 * other instances, left by a crash, or whose sender's lease expired); claims them under a lease (a
 * conditional single-document update, so no two senders hold the same mail), hands a batch to the
 * {@link MailTransport} and records each outcome.
 *
 * <p>Exactly once: a mail is SENT only by the holder of its lease, after the server accepted it.
 * The one window is a crash between the server's acceptance and that record: the lease expires and
 * the mail goes out once more, with the same Message-ID, which receivers use to drop the copy.
 *
 * <p>Thread-safe: several sender threads may call {@link #runOnce}.
 */
public class MailDispatcher {
  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  /**
   * Tuning.
   *
   * @param batchSize mails per claim and per transport call (capped by the transport)
   * @param lease how long a claim holds; longer than a batch's sending incl. retries
   * @param sweepInterval how often the store is swept for due or abandoned mails
   * @param maxAttempts transient failures of one mail before it is FAILED
   * @param firstBackoff wait after a mail's first transient failure; doubles each time
   * @param maxBackoff the longest wait between a mail's attempts
   */
  public record Settings(
      int batchSize,
      Duration lease,
      Duration sweepInterval,
      int maxAttempts,
      Duration firstBackoff,
      Duration maxBackoff) {}

  private record Deferred(Instant at, String id) {}

  private final MailQueue queue;
  private final MailTransport transport;
  private final Clock clock;
  private final Settings settings;
  private final LinkedBlockingQueue<String> ready = new LinkedBlockingQueue<>();
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final PriorityQueue<Deferred> deferred =
      new PriorityQueue<>(Comparator.comparing(Deferred::at));
  private volatile Instant nextSweep = Instant.MIN;
  private volatile Instant pausedUntil = Instant.MIN;

  public MailDispatcher(MailQueue queue, MailTransport transport, Clock clock, Settings settings) {
    this.queue = queue;
    this.transport = transport;
    this.clock = clock;
    this.settings = settings;
  }

  /** A mail was just stored: send it soon. */
  public void signal(String mailId) {
    if (known.add(mailId)) {
      ready.offer(mailId);
    }
  }

  /** Mails waiting in this instance's memory (signalled or deferred), for metrics. */
  public int backlog() {
    synchronized (deferred) {
      return ready.size() + deferred.size();
    }
  }

  /**
   * One round: gathers due ids, claims up to a batch, sends it and records the outcomes.
   *
   * @param wait how long to wait for a signal when nothing is ready
   * @return how many mails were handed to the transport
   */
  public int runOnce(Duration wait) throws InterruptedException {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      TimeUnit.MILLISECONDS.sleep(Math.min(wait.toMillis(), millisUntil(pausedUntil, now)));
      return 0;
    }
    releaseDeferred(now);
    sweepIfDue(now);
    List<String> ids = new ArrayList<>();
    String first = ready.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      return 0;
    }
    ids.add(first);
    ready.drainTo(ids, Math.min(settings.batchSize(), transport.maxBatch()) - 1);
    ids.forEach(known::remove);
    now = clock.instant();
    String lease = UUID.randomUUID().toString();
    List<Mail> batch = queue.claim(ids, lease, now.plus(settings.lease()), now);
    if (batch.isEmpty()) {
      return 0;
    }
    Map<String, Delivery> outcomes;
    try {
      outcomes = transport.send(batch);
    } catch (TransportUnavailable e) {
      Instant retryAt = clock.instant().plus(e.retryAfter());
      pausedUntil = retryAt;
      log.warn(
          "mail server unavailable ({}); {} mail(s) wait until {}",
          e.getMessage(),
          batch.size(),
          retryAt);
      for (Mail mail : batch) {
        queue.retryLater(mail.id(), lease, retryAt, e.getMessage(), false);
        defer(mail.id(), retryAt);
      }
      return batch.size();
    }
    Instant at = clock.instant();
    for (Mail mail : batch) {
      Delivery delivery =
          outcomes.getOrDefault(mail.id(), new Delivery.Deferred("no answer from the server"));
      record(mail, lease, delivery, at);
    }
    return batch.size();
  }

  private void record(Mail mail, String lease, Delivery delivery, Instant at) {
    if (delivery instanceof Delivery.Accepted) {
      queue.sent(mail, lease, at);
    } else if (delivery instanceof Delivery.Rejected rejected) {
      log.info("mail {} refused for good: {}", mail.id(), rejected.reason());
      queue.failed(mail, lease, rejected.reason(), at);
    } else if (delivery instanceof Delivery.Deferred d) {
      int attempts = mail.attempts() + 1;
      if (attempts >= settings.maxAttempts()) {
        queue.failed(mail, lease, "gave up after " + attempts + " attempts: " + d.reason(), at);
      } else {
        Instant retryAt = at.plus(backoff(attempts));
        queue.retryLater(mail.id(), lease, retryAt, d.reason(), true);
        defer(mail.id(), retryAt);
      }
    }
  }

  Duration backoff(int attempts) {
    long factor = 1L << Math.min(attempts - 1, 20);
    Duration wait = settings.firstBackoff().multipliedBy(factor);
    return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
  }

  private void defer(String id, Instant at) {
    synchronized (deferred) {
      deferred.add(new Deferred(at, id));
    }
  }

  private void releaseDeferred(Instant now) {
    synchronized (deferred) {
      while (!deferred.isEmpty() && !deferred.peek().at().isAfter(now)) {
        signal(deferred.poll().id());
      }
    }
  }

  private void sweepIfDue(Instant now) {
    if (now.isBefore(nextSweep)) {
      return;
    }
    synchronized (this) {
      if (now.isBefore(nextSweep)) {
        return;
      }
      nextSweep = now.plus(settings.sweepInterval());
    }
    try {
      List<String> due = queue.due(now, 10_000);
      due.forEach(this::signal);
      if (!due.isEmpty()) {
        log.debug("sweep found {} due mail(s)", due.size());
      }
    } catch (RuntimeException e) {
      log.warn("mail sweep failed: {}", e.toString());
    }
  }

  private static long millisUntil(Instant until, Instant now) {
    return Math.max(1, Duration.between(now, until).toMillis());
  }
}
