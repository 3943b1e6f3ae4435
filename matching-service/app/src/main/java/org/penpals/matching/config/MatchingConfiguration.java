package org.penpals.matching.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.penpals.matching.newpartner.adapter.in.scheduler.NewPartnerJob;
import org.penpals.matching.newpartner.adapter.out.mongo.MongoNewPartnerRequests;
import org.penpals.matching.newpartner.application.NewPartnerService;
import org.penpals.matching.partnership.AfterPublication;
import org.penpals.matching.partnership.CycleCompletion;
import org.penpals.matching.partnership.EngagementListener;
import org.penpals.matching.partnership.Partnerships;
import org.penpals.matching.partnership.PublicationRecovery;
import org.penpals.matching.partnership.PublicationService;
import org.penpals.matching.pool.MongoPool;
import org.penpals.matching.pool.RegistrationListener;
import org.penpals.matching.rematch.adapter.in.scheduler.RematchJob;
import org.penpals.matching.rematch.adapter.out.mongo.MongoRematchQueue;
import org.penpals.matching.rematch.application.Rematching;
import org.penpals.matching.run.adapter.out.mongo.MongoAdjustmentStore;
import org.penpals.matching.run.adapter.out.mongo.MongoRunStore;
import org.penpals.matching.run.application.RunService;
import org.penpals.matching.settings.SettingsStore;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.outbox.OutboxCollection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Wires the pool, runs, publication, after-publication handling, the durable re-matching queue,
 * new-partner requests and the engagement consumer. Background work runs on Spring's scheduling,
 * each job under a ShedLock lease ({@link RematchJob}, {@link PublicationRecovery}, {@link
 * NewPartnerJob}); staff-started runs go on the bounded {@code matchingRuns} executor.
 */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

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
  OutboxCollection runsOutbox() {
    return new OutboxCollection(MongoRunStore.RUNS);
  }

  @Bean
  List<IndexSpec> matchingIndexes() {
    List<IndexSpec> indexes = new ArrayList<>(MongoRunStore.indexes());
    indexes.addAll(Partnerships.indexes());
    indexes.addAll(MongoRematchQueue.indexes());
    indexes.addAll(MongoNewPartnerRequests.indexes());
    return indexes;
  }

  @Bean
  MongoPool pool(MongoDatabase database, Outbox outbox) {
    return new MongoPool(database, outbox);
  }

  @Bean
  MongoRunStore runStore(MongoDatabase database, Outbox outbox) {
    return new MongoRunStore(database, outbox);
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

  /** Staff-started runs in the background, at most two at once (different cycles), a few queued. */
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
  CycleCompletion cycleCompletion(MongoPool pool, Partnerships partnerships) {
    return new CycleCompletion(pool, partnerships);
  }

  @Bean
  PublicationService publicationService(
      MongoPool pool,
      MongoRunStore runs,
      Partnerships partnerships,
      MongoAdjustmentStore history,
      CycleCompletion completion,
      Clock clock) {
    return new PublicationService(pool, runs, partnerships, history, completion, clock);
  }

  @Bean
  PublicationRecovery publicationRecovery(
      PublicationService publications,
      Clock clock,
      @Value("${penpals.matching.publications.stale-after:30s}") Duration staleAfter) {
    return new PublicationRecovery(publications, clock, staleAfter);
  }

  // ------------------------------------------------------------------ re-matching queue

  @Bean
  MongoRematchQueue rematchQueue(MongoDatabase database) {
    return new MongoRematchQueue(database);
  }

  @Bean
  Rematching rematching(
      MongoRematchQueue queue,
      MongoPool pool,
      RunService runs,
      MongoRunStore runStore,
      PublicationService publications,
      SettingsStore settings,
      Clock clock,
      @Value("${penpals.matching.rematch.settle:2s}") Duration settle,
      @Value("${penpals.matching.rematch.first-retry:30s}") Duration firstRetry,
      @Value("${penpals.matching.rematch.max-retry:30m}") Duration maxRetry) {
    return new Rematching(
        queue, pool, runs, runStore, publications, settings, clock, settle, firstRetry, maxRetry);
  }

  @Bean
  RematchJob rematchJob(
      Rematching rematching, @Value("${penpals.matching.rematch.enabled:true}") boolean enabled) {
    return new RematchJob(rematching, enabled);
  }

  // ------------------------------------------------------------------ after publication

  @Bean
  AfterPublication afterPublication(
      MongoPool pool,
      Partnerships partnerships,
      PublicationService publications,
      Rematching rematching,
      CycleCompletion completion,
      Clock clock) {
    return new AfterPublication(pool, partnerships, publications, rematching, completion, clock);
  }

  @Bean
  MongoNewPartnerRequests newPartnerRequests(MongoDatabase database) {
    return new MongoNewPartnerRequests(database);
  }

  @Bean
  NewPartnerService newPartnerService(
      MongoNewPartnerRequests requests,
      Partnerships partnerships,
      MongoPool pool,
      SettingsStore settings,
      AfterPublication after,
      Clock clock) {
    return new NewPartnerService(requests, partnerships, pool, settings, after, clock);
  }

  @Bean
  NewPartnerJob newPartnerJob(
      NewPartnerService service,
      Clock clock,
      @Value("${penpals.matching.new-partner.stale-after:30s}") Duration staleAfter) {
    return new NewPartnerJob(service, clock, staleAfter);
  }

  // ------------------------------------------------------------------ consumers

  @Bean
  RegistrationListener registrationListener(MongoPool pool, AfterPublication after) {
    return new RegistrationListener(pool, after);
  }

  @Bean
  EngagementListener engagementListener(Partnerships partnerships) {
    return new EngagementListener(partnerships);
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

  @Bean
  Consumer<Message<byte[]>> promptEngagement(
      EngagementListener listener, EventDispatcher.Factory events) {
    return listener.engagement(events);
  }
}
