package org.penpals.matching.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.penpals.matching.partnership.AfterPublication;
import org.penpals.matching.partnership.Partnerships;
import org.penpals.matching.partnership.PublicationService;
import org.penpals.matching.pool.MongoPool;
import org.penpals.matching.pool.RegistrationListener;
import org.penpals.matching.run.adapter.out.mongo.MongoAdjustmentStore;
import org.penpals.matching.run.adapter.out.mongo.MongoRunStore;
import org.penpals.matching.run.application.RunService;
import org.penpals.matching.settings.SettingsStore;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.outbox.OutboxCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Wires the pool, runs, publication and after-publication handling. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {
  private static final Logger log = LoggerFactory.getLogger(MatchingConfiguration.class);

  @Bean
  OutboxCollection partnershipsOutbox() {
    return new OutboxCollection(Partnerships.COLLECTION);
  }

  @Bean
  OutboxCollection publicationsOutbox() {
    return new OutboxCollection(Partnerships.PUBLICATIONS);
  }

  @Bean
  OutboxCollection poolOutbox() {
    return new OutboxCollection(MongoPool.MEMBERS);
  }

  @Bean
  List<IndexSpec> matchingIndexes() {
    List<IndexSpec> indexes = new ArrayList<>(MongoRunStore.indexes());
    indexes.addAll(Partnerships.indexes());
    return indexes;
  }

  @Bean
  MongoPool pool(MongoDatabase database, Outbox outbox) {
    return new MongoPool(database, outbox);
  }

  @Bean
  MongoRunStore runStore(MongoDatabase database) {
    return new MongoRunStore(database);
  }

  @Bean
  MongoAdjustmentStore adjustmentStore(MongoDatabase database) {
    return new MongoAdjustmentStore(database);
  }

  @Bean
  SettingsStore settingsStore(MongoDatabase database) {
    return new SettingsStore(database);
  }

  @Bean
  Partnerships partnerships(MongoDatabase database, Outbox outbox) {
    return new Partnerships(database, outbox);
  }

  /** Runs in the background, at most two at once (different cycles), a few queued. */
  @Bean(destroyMethod = "shutdownNow")
  ThreadPoolExecutor matchingRuns() {
    return new ThreadPoolExecutor(
        1,
        2,
        1,
        TimeUnit.MINUTES,
        new ArrayBlockingQueue<>(8),
        r -> {
          Thread thread = new Thread(r, "matching-run");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  RunService runService(
      MongoPool pool,
      MongoRunStore runs,
      MongoAdjustmentStore adjustments,
      SettingsStore settings,
      MongoDatabase database,
      ThreadPoolExecutor matchingRuns,
      Clock clock) {
    MongoLockProvider locks = new MongoLockProvider(database.getCollection("run_locks"));
    RunService.CycleLocks cycleLocks =
        (cycleId, atMost) ->
            locks
                .lock(
                    new LockConfiguration(
                        clock.instant(), "matching-run-" + cycleId, atMost, Duration.ZERO))
                .map(lock -> (AutoCloseable) lock::unlock);
    return new RunService(pool, runs, adjustments, settings, cycleLocks, matchingRuns, clock);
  }

  @Bean
  PublicationService publicationService(
      MongoPool pool,
      MongoRunStore runs,
      Partnerships partnerships,
      MongoAdjustmentStore history,
      Clock clock) {
    return new PublicationService(pool, runs, partnerships, history, clock);
  }

  @Bean
  AfterPublication afterPublication(
      MongoPool pool,
      Partnerships partnerships,
      PublicationService publications,
      RunService runs,
      SettingsStore settings,
      Clock clock) {
    return new AfterPublication(pool, partnerships, publications, runs, settings, clock);
  }

  @Bean
  RegistrationListener registrationListener(MongoPool pool, AfterPublication after) {
    return new RegistrationListener(pool, after);
  }

  @Bean
  Consumer<Message<byte[]>> registrationCycles(
      RegistrationListener listener, EventDispatcher.Factory events) {
    return listener.cycles(events);
  }

  @Bean
  Consumer<Message<byte[]>> registrationParticipants(
      RegistrationListener listener, EventDispatcher.Factory events) {
    return listener.participants(events);
  }

  /**
   * Every few seconds: start the re-matchings asked for; once at start: finish publications a crash
   * interrupted.
   */
  @Bean
  SmartLifecycle afterPublicationJobs(AfterPublication after, PublicationService publications) {
    return new SmartLifecycle() {
      private ScheduledExecutorService scheduler;

      @Override
      public void start() {
        scheduler =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread thread = new Thread(r, "after-publication");
                  thread.setDaemon(true);
                  return thread;
                });
        boolean[] resumed = {false};
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                if (!resumed[0]) {
                  int n = publications.resumeUnfinished();
                  resumed[0] = true;
                  if (n > 0) {
                    log.info("finished {} interrupted publication(s)", n);
                  }
                }
                after.rematchPending();
              } catch (RuntimeException e) {
                log.warn("after-publication job: {}", e.toString());
              }
            },
            2,
            3,
            TimeUnit.SECONDS);
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
    };
  }
}
