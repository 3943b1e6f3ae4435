package org.penpals.prompt.partnership.adapter.in.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.partnership.application.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs scheduler rounds every {@code interval} (real time) and whenever the programme clock moves,
 * on one thread per instance. With a lock provider, a ShedLock lease in MongoDB lets one instance
 * run rounds at a time, which saves duplicate work; correctness does not depend on it (claims are
 * conditional writes).
 */
public final class SchedulerLoop implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SchedulerLoop.class);
  static final String LOCK = "prompt-scheduler";

  private final Dispatcher dispatcher;
  private final Runnable beforeRound;
  private final @Nullable LockProvider locks;
  private final Duration interval;
  private final Clock realClock;
  private final boolean enabled;
  private volatile @Nullable ScheduledExecutorService executor;

  /**
   * @param beforeRound runs before each round on every instance, lease or not (the demo clock
   *     catches up with the stored programme time)
   */
  public SchedulerLoop(
      Dispatcher dispatcher,
      Runnable beforeRound,
      @Nullable LockProvider locks,
      Duration interval,
      Clock realClock,
      boolean enabled) {
    this.dispatcher = dispatcher;
    this.beforeRound = beforeRound;
    this.locks = locks;
    this.interval = interval;
    this.realClock = realClock;
    this.enabled = enabled;
  }

  /**
   * Runs a round now, after any round in progress; completes with it (empty if another instance
   * held the lease, or the round failed).
   */
  public CompletableFuture<Optional<Dispatcher.Round>> trigger() {
    ScheduledExecutorService running = executor;
    if (running == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return CompletableFuture.supplyAsync(this::runRound, running);
  }

  private Optional<Dispatcher.Round> runRound() {
    try {
      beforeRound.run();
    } catch (RuntimeException e) {
      log.warn("cannot prepare a scheduler round; the next round retries: {}", e.toString());
      return Optional.empty();
    }
    Optional<SimpleLock> lease = lease();
    if (lease.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(dispatcher.round());
    } catch (RuntimeException e) {
      log.warn("scheduler round failed; the next round retries: {}", e.toString());
      log.debug("scheduler round failure", e);
      return Optional.empty();
    } finally {
      lease.get().unlock();
    }
  }

  private Optional<SimpleLock> lease() {
    if (locks == null) {
      return Optional.of(() -> {});
    }
    return locks.lock(
        new LockConfiguration(realClock.instant(), LOCK, Duration.ofMinutes(2), Duration.ZERO));
  }

  @Override
  public void start() {
    if (!enabled) {
      log.info("the prompt scheduler is disabled on this instance");
      return;
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "prompt-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    executor = scheduler;
    scheduler.scheduleWithFixedDelay(
        this::runRound, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService scheduler = executor;
    executor = null;
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(3, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
