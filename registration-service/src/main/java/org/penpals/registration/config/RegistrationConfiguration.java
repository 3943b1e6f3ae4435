package org.penpals.registration.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.outbox.OutboxCollection;
import org.penpals.registration.cycle.adapter.out.mongo.MongoCycleRepository;
import org.penpals.registration.cycle.application.CycleService;
import org.penpals.registration.participant.adapter.in.schedule.WaitlistSweep;
import org.penpals.registration.participant.adapter.out.mongo.MongoImportRepository;
import org.penpals.registration.participant.adapter.out.mongo.MongoParticipantRepository;
import org.penpals.registration.participant.adapter.out.mongo.MongoSignInLinks;
import org.penpals.registration.participant.application.Admissions;
import org.penpals.registration.participant.application.ApplyService;
import org.penpals.registration.participant.application.ImportService;
import org.penpals.registration.participant.application.Secrets;
import org.penpals.registration.participant.application.SelfService;
import org.penpals.registration.participant.application.SignInService;
import org.penpals.registration.participant.application.Waitlist;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java use cases to their MongoDB adapters. */
@Configuration(proxyBeanMethods = false)
class RegistrationConfiguration {

  @Bean
  OutboxCollection cyclesOutbox() {
    return new OutboxCollection(MongoCycleRepository.COLLECTION);
  }

  @Bean
  OutboxCollection participantsOutbox() {
    return new OutboxCollection(MongoParticipantRepository.COLLECTION);
  }

  @Bean
  OutboxCollection signInLinksOutbox() {
    return new OutboxCollection(MongoSignInLinks.LINKS);
  }

  @Bean
  List<IndexSpec> registrationIndexes() {
    List<IndexSpec> all = new java.util.ArrayList<>(MongoParticipantRepository.indexes());
    all.addAll(MongoSignInLinks.indexes());
    return all;
  }

  @Bean
  MongoSignInLinks signInLinks(MongoDatabase database, Outbox outbox) {
    return new MongoSignInLinks(database, outbox);
  }

  @Bean
  SignInService signInService(
      MongoCycleRepository cycles,
      MongoParticipantRepository participants,
      MongoSignInLinks links,
      Secrets secrets,
      Clock clock,
      @Value("${penpals.registration.sign-in-link-ttl:15m}") java.time.Duration ttl,
      @Value("${penpals.registration.sign-in-links-per-email-per-hour:5}") int perEmailPerHour) {
    return new SignInService(
        cycles::findAll,
        participants,
        links,
        secrets,
        clock,
        new SignInService.Settings(ttl, perEmailPerHour));
  }

  /** Forgets expired sign-in links and request counts (no TTL indexes: ADR 0004). */
  @Bean
  SignInLinkCleanup signInLinkCleanup(
      SignInService signIn,
      @Value("${penpals.registration.sign-in-link-cleanup-interval:5m}")
          java.time.Duration interval) {
    return new SignInLinkCleanup(signIn::purgeExpired, interval);
  }

  @Bean
  MongoCycleRepository cycleRepository(MongoDatabase database, Outbox outbox) {
    return new MongoCycleRepository(database, outbox);
  }

  @Bean
  MongoParticipantRepository participantRepository(
      MongoDatabase database, Outbox outbox, Clock clock) {
    return new MongoParticipantRepository(database, outbox, clock);
  }

  @Bean
  Secrets secrets(@Value("${penpals.registration.person-key-secret:}") String personKeySecret) {
    return new Secrets(personKeySecret);
  }

  @Bean
  Admissions admissions(MongoCycleRepository cycles) {
    return new Admissions(cycles);
  }

  @Bean
  Waitlist waitlist(
      MongoCycleRepository cycles, MongoParticipantRepository participants, Clock clock) {
    return new Waitlist(cycles, participants, clock);
  }

  /** Makes the waitlist checks asked for, one instance at a time (ShedLock lease). */
  @Bean
  WaitlistSweep waitlistSweep(
      Waitlist waitlist,
      @Value("${penpals.registration.waitlist.recheck-after:10m}") java.time.Duration recheck) {
    return new WaitlistSweep(waitlist, recheck);
  }

  @Bean
  CycleService cycleService(
      MongoCycleRepository cycles,
      MongoParticipantRepository participants,
      Waitlist waitlist,
      Clock clock) {
    return new CycleService(cycles, participants, waitlist, clock);
  }

  @Bean
  java.util.function.Consumer<org.springframework.messaging.Message<byte[]>> matchingRuns(
      org.penpals.platform.events.EventDispatcher.Factory events, CycleService cycles) {
    return org.penpals.registration.cycle.adapter.in.messaging.MatchingListener.of(events, cycles);
  }

  @Bean
  java.util.function.Consumer<org.springframework.messaging.Message<byte[]>> programmeCycles(
      org.penpals.platform.events.EventDispatcher.Factory events, CycleService cycles) {
    return org.penpals.registration.cycle.adapter.in.messaging.ProgrammeListener.of(events, cycles);
  }

  @Bean
  ApplyService applyService(
      MongoCycleRepository cycles,
      MongoParticipantRepository participants,
      Admissions admissions,
      Waitlist waitlist,
      Secrets secrets,
      Clock clock) {
    // the cycle of a public application, cached for a second: thousands of applications a
    // second need not each read it; openness is re-checked atomically with the place
    com.github.benmanes.caffeine.cache.LoadingCache<
            String, java.util.Optional<org.penpals.registration.cycle.domain.Cycle>>
        recent =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .maximumSize(1000)
                // reloaded in the background after a second, while the old value still answers:
                // request threads never queue behind a reload (they did, every second, with
                // expireAfterWrite alone); a value older than 3 s is never served
                .refreshAfterWrite(java.time.Duration.ofSeconds(1))
                .expireAfterWrite(java.time.Duration.ofSeconds(3))
                .build(cycles::find);
    return new ApplyService(recent::get, participants, admissions, waitlist, secrets, clock);
  }

  @Bean
  MongoImportRepository importRepository(MongoDatabase database, Clock clock) {
    return new MongoImportRepository(database, clock);
  }

  @Bean
  ImportService importService(
      MongoCycleRepository cycles,
      MongoParticipantRepository participants,
      MongoImportRepository imports,
      ApplyService apply,
      Clock clock) {
    return new ImportService(cycles, participants, imports, apply, clock);
  }

  /** Finishes imports a crash interrupted, once the database answers. */
  @Bean
  org.springframework.boot.ApplicationRunner resumeImports(ImportService imports) {
    return args -> {
      Thread thread =
          new Thread(
              () -> {
                for (int attempt = 0; attempt < 60; attempt++) {
                  try {
                    int resumed = imports.resumePending();
                    if (resumed > 0) {
                      org.slf4j.LoggerFactory.getLogger(RegistrationConfiguration.class)
                          .info("finished {} interrupted import(s)", resumed);
                    }
                    return;
                  } catch (RuntimeException e) {
                    try {
                      Thread.sleep(5000);
                    } catch (InterruptedException interrupted) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                }
              },
              "resume-imports");
      thread.setDaemon(true);
      thread.start();
    };
  }

  @Bean
  SelfService selfService(
      MongoCycleRepository cycles,
      MongoParticipantRepository participants,
      Admissions admissions,
      Waitlist waitlist,
      Clock clock) {
    return new SelfService(cycles, participants, admissions, waitlist, clock);
  }
}
