package org.penpals.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Forgets deduplication markers older than the retention (longer than any topic's retention, so a
 * redelivery can never outlive its marker). An explicit job: TTL indexes are not relied on.
 */
public final class ProcessedEventsCleanup implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ProcessedEventsCleanup.class);
  private final ProcessedEvents processed;
  private final Duration retention;
  private final Duration every;
  private ScheduledExecutorService scheduler;

  public ProcessedEventsCleanup(ProcessedEvents processed, Duration retention, Duration every) {
    this.processed = processed;
    this.retention = retention;
    this.every = every;
  }

  void runOnce() {
    try {
      long forgotten = processed.forgetOlderThan(retention);
      if (forgotten > 0) {
        log.info("forgot {} processed-event markers older than {}", forgotten, retention);
      }
    } catch (RuntimeException e) {
      log.warn("could not clean processed-event markers: {}", e.toString());
    }
  }

  @Override
  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "processed-events-cleanup");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::runOnce, every.toMinutes(), every.toMinutes(), TimeUnit.MINUTES);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
