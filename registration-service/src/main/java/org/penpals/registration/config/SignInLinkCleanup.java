package org.penpals.registration.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Removes expired sign-in links and request counts every {@code interval}. Idempotent, so every
 * instance may run it.
 */
final class SignInLinkCleanup implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SignInLinkCleanup.class);
  private final LongSupplier purge;
  private final Duration interval;
  private @Nullable ScheduledExecutorService scheduler;

  SignInLinkCleanup(LongSupplier purge, Duration interval) {
    this.purge = purge;
    this.interval = interval;
  }

  void runOnce() {
    try {
      long removed = purge.getAsLong();
      if (removed > 0) {
        log.debug("removed {} expired sign-in links and request counts", removed);
      }
    } catch (RuntimeException e) {
      log.warn("could not remove expired sign-in links: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "sign-in-link-cleanup");
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1000, interval.toMillis());
    started.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
