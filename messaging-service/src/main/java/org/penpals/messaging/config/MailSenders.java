package org.penpals.messaging.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.penpals.messaging.conversation.application.ConversationService;
import org.penpals.messaging.mail.application.MailDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The sender threads: each runs {@link MailDispatcher#runOnce} until shutdown; the first also
 * recovers partner-message notifications a crash left unsent, once per sweep interval.
 */
class MailSenders implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(MailSenders.class);
  private final MailDispatcher dispatcher;
  private final ConversationService conversations;
  private final int threads;
  private final Duration recoverEvery;
  private final List<Thread> running = new ArrayList<>();
  private volatile boolean stopping;

  MailSenders(
      MailDispatcher dispatcher,
      ConversationService conversations,
      int threads,
      Duration recoverEvery) {
    this.dispatcher = dispatcher;
    this.conversations = conversations;
    this.threads = Math.max(1, threads);
    this.recoverEvery = recoverEvery;
  }

  @Override
  public synchronized void start() {
    stopping = false;
    for (int i = 0; i < threads; i++) {
      boolean recovers = i == 0;
      Thread thread = new Thread(() -> loop(recovers), "mail-sender-" + i);
      thread.setDaemon(true);
      thread.start();
      running.add(thread);
    }
  }

  private void loop(boolean recovers) {
    Instant nextRecovery = Instant.MIN;
    while (!stopping) {
      try {
        if (recovers && Instant.now().isAfter(nextRecovery)) {
          nextRecovery = Instant.now().plus(recoverEvery);
          int recovered = conversations.recoverNotifications();
          if (recovered > 0) {
            log.info("sent {} partner-message notification(s) a crash had left", recovered);
          }
        }
        dispatcher.runOnce(Duration.ofMillis(200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("mail sender round failed: {}", e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public synchronized void stop() {
    stopping = true;
    for (Thread thread : running) {
      thread.interrupt();
    }
    for (Thread thread : running) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    running.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return !running.isEmpty();
  }
}
