package org.penpals.prompt.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.outbox.OutboxCollection;
import org.penpals.prompt.clock.MongoClockStore;
import org.penpals.prompt.clock.ProgrammeClock;
import org.penpals.prompt.library.DefaultProgramme;
import org.penpals.prompt.library.LibraryPrompt;
import org.penpals.prompt.library.PromptLibrary;
import org.penpals.prompt.partnership.adapter.in.messaging.PartnershipListeners;
import org.penpals.prompt.partnership.adapter.in.scheduler.SchedulerLoop;
import org.penpals.prompt.partnership.adapter.out.mongo.MongoDueIndex;
import org.penpals.prompt.partnership.adapter.out.mongo.MongoMemberPlans;
import org.penpals.prompt.partnership.adapter.out.mongo.MongoParticipants;
import org.penpals.prompt.partnership.adapter.out.mongo.MongoPartnerships;
import org.penpals.prompt.partnership.application.Dispatcher;
import org.penpals.prompt.partnership.application.EngagementService;
import org.penpals.prompt.partnership.application.MyPrompts;
import org.penpals.prompt.partnership.application.PartnershipQueries;
import org.penpals.prompt.partnership.application.PlanningService;
import org.penpals.prompt.partnership.domain.Timer;
import org.penpals.prompt.schedule.adapter.in.messaging.CycleListener;
import org.penpals.prompt.schedule.adapter.out.mongo.MongoCycleStore;
import org.penpals.prompt.schedule.adapter.out.mongo.MongoScheduleStore;
import org.penpals.prompt.schedule.application.ProgrammeTime;
import org.penpals.prompt.schedule.application.ProgrammeTimers;
import org.penpals.prompt.schedule.application.ScheduleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Wires the plain-Java use cases to their MongoDB, Kafka and scheduler adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PromptProperties.class)
class PromptConfiguration {
  private static final Logger log = LoggerFactory.getLogger(PromptConfiguration.class);

  /** Programme time (demo mode can run it fast); the platform keeps real time ({@code clock}). */
  @Bean
  ProgrammeClock programmeClock(PromptProperties properties, Clock clock, MongoDatabase database) {
    PromptProperties.Clock c = properties.clock();
    if (c.demo()) {
      ProgrammeClock demo =
          ProgrammeClock.demo(clock, c.speed(), c.start(), new MongoClockStore(database));
      log.warn(
          "programme clock in DEMO mode: at {} (configured start {}, or the stored programme time"
              + " if later), runs {}x real time, ADMIN may move it",
          demo.instant(),
          c.start() == null ? "now" : c.start(),
          c.speed());
      return demo;
    }
    return ProgrammeClock.system(clock);
  }

  @Bean
  OutboxCollection partnershipsOutbox() {
    return new OutboxCollection(MongoPartnerships.COLLECTION);
  }

  @Bean
  OutboxCollection deliveriesOutbox() {
    return new OutboxCollection(MongoMemberPlans.DELIVERIES);
  }

  @Bean
  OutboxCollection answersOutbox() {
    return new OutboxCollection(MongoPartnerships.ANSWERS);
  }

  @Bean
  OutboxCollection quietFlagsOutbox() {
    return new OutboxCollection(MongoPartnerships.QUIET_FLAGS);
  }

  @Bean
  List<IndexSpec> promptIndexes() {
    return MongoPartnerships.indexes();
  }

  // ------------------------------------------------------------------ library and schedules

  @Bean
  PromptLibrary promptLibrary(MongoDatabase database, Clock clock) {
    return new PromptLibrary(database, clock);
  }

  /** Seeds the default programme once the database answers (idempotent, never overwrites). */
  @Bean
  ApplicationRunner seedLibrary(PromptLibrary library) {
    return args -> {
      Thread thread =
          new Thread(
              () -> {
                for (int attempt = 0; attempt < 120; attempt++) {
                  try {
                    seedDefaults(library);
                    return;
                  } catch (RuntimeException e) {
                    log.debug("cannot seed the prompt library yet: {}", e.toString());
                    try {
                      Thread.sleep(2000);
                    } catch (InterruptedException interrupted) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                }
              },
              "seed-library");
      thread.setDaemon(true);
      thread.start();
    };
  }

  /**
   * Adds the default prompts that are missing, and gives those still holding an earlier default
   * text (never edited by staff) the current one.
   */
  static void seedDefaults(PromptLibrary library) {
    List<LibraryPrompt> defaults = DefaultProgramme.prompts();
    int added = library.seed(defaults);
    int refreshed = library.refresh(defaults, DefaultProgramme.earlierTexts());
    if (added > 0 || refreshed > 0) {
      log.info(
          "prompt library: {} default prompt(s) added, {} given the current default text",
          added,
          refreshed);
    }
  }

  @Bean
  MongoScheduleStore scheduleStore(MongoDatabase database, Outbox outbox) {
    return new MongoScheduleStore(database, outbox);
  }

  @Bean
  OutboxCollection schedulesOutbox() {
    return new OutboxCollection(MongoScheduleStore.HEADERS);
  }

  /** A cycle's programme start and end, as scheduler timers. */
  @Bean
  ProgrammeTimers programmeTimers(MongoDueIndex timers) {
    return (cycleId, calendar) ->
        timers.file(
            List.of(
                new Timer.ProgrammeStart(cycleId, calendar.startsAt()),
                new Timer.ProgrammeEnd(cycleId, calendar.endsAt())));
  }

  @Bean
  ProgrammeTime programmeTime(
      MongoScheduleStore schedules, ProgrammeTimers timers, ProgrammeClock clock) {
    return new ProgrammeTime(schedules, timers, clock.clock());
  }

  @Bean
  MongoCycleStore cycleStore(MongoDatabase database) {
    return new MongoCycleStore(database);
  }

  @Bean
  ScheduleService scheduleService(
      MongoScheduleStore schedules,
      MongoCycleStore cycles,
      PromptLibrary library,
      PromptProperties properties,
      ProgrammeTimers programmeTimers,
      ProgrammeClock clock) {
    return new ScheduleService(
        schedules,
        cycles,
        () -> {
          // the first partnership may come before the seeding thread ran
          seedDefaults(library);
          return library.all();
        },
        library::find,
        properties.quiet().reportGrace(),
        programmeTimers,
        clock.clock());
  }

  // ------------------------------------------------------------------ partnerships

  @Bean
  MongoPartnerships partnerships(MongoDatabase database, Outbox outbox) {
    return new MongoPartnerships(database, outbox);
  }

  @Bean
  MongoMemberPlans memberPlans(MongoDatabase database, Outbox outbox) {
    return new MongoMemberPlans(database, outbox);
  }

  @Bean
  MongoParticipants participants(MongoDatabase database) {
    return new MongoParticipants(database);
  }

  @Bean
  MongoDueIndex dueIndex(MongoDatabase database, PromptProperties properties) {
    return new MongoDueIndex(database, properties.scheduler().buckets());
  }

  @Bean
  PlanningService planningService(
      MongoPartnerships partnerships,
      MongoMemberPlans plans,
      MongoParticipants participants,
      MongoDueIndex timers,
      ScheduleService schedules,
      PromptProperties properties,
      ProgrammeClock clock) {
    return new PlanningService(
        partnerships,
        plans,
        participants,
        timers,
        schedules,
        properties.quiet().afterCheckIn(),
        clock::programmeTimeOf);
  }

  @Bean
  EngagementService engagementService(
      MongoPartnerships partnerships,
      MongoMemberPlans plans,
      MongoParticipants participants,
      MongoDueIndex timers,
      ScheduleService schedules,
      PromptProperties properties,
      ProgrammeClock clock) {
    return new EngagementService(
        partnerships,
        plans,
        participants,
        timers,
        schedules,
        properties.quiet().reminderInterval(),
        clock.clock());
  }

  @Bean
  MyPrompts myPrompts(
      EngagementService engagement, MongoMemberPlans plans, ScheduleService schedules) {
    return new MyPrompts(engagement, plans, schedules);
  }

  @Bean
  PartnershipQueries partnershipQueries(MongoPartnerships partnerships, MongoMemberPlans plans) {
    return new PartnershipQueries(partnerships, plans);
  }

  @Bean
  Dispatcher dispatcher(
      MongoDueIndex timers,
      MongoMemberPlans plans,
      ScheduleService schedules,
      EngagementService engagement,
      ProgrammeTime programme,
      ProgrammeClock clock,
      PromptProperties properties) {
    return new Dispatcher(
        timers,
        plans,
        schedules,
        engagement,
        programme,
        clock.clock(),
        properties.lateAfter(),
        properties.scheduler().batchSize());
  }

  @Bean
  SchedulerLoop schedulerLoop(
      Dispatcher dispatcher,
      MongoDatabase database,
      PromptProperties properties,
      ProgrammeClock programmeClock,
      Clock clock) {
    PromptProperties.Scheduler s = properties.scheduler();
    SchedulerLoop loop =
        new SchedulerLoop(
            dispatcher,
            programmeClock::sync,
            s.lock() ? new MongoLockProvider(database) : null,
            s.interval(),
            clock,
            s.enabled());
    programmeClock.onMove(loop::trigger);
    return loop;
  }

  // ------------------------------------------------------------------ consumers

  @Bean
  Consumer<Message<byte[]>> registrationCycles(
      EventDispatcher.Factory events, ScheduleService schedules, PlanningService planning) {
    return CycleListener.of(events, schedules, planning::resumePending);
  }

  @Bean
  Consumer<Message<byte[]>> registrationParticipants(
      EventDispatcher.Factory events, PlanningService planning) {
    return PartnershipListeners.participants(events, planning);
  }

  @Bean
  Consumer<Message<byte[]>> matchingPartnerships(
      EventDispatcher.Factory events, PlanningService planning) {
    return PartnershipListeners.partnerships(events, planning);
  }

  @Bean
  Consumer<Message<byte[]>> messagingMails(
      EventDispatcher.Factory events, EngagementService engagement) {
    return PartnershipListeners.mails(events, engagement);
  }

  @Bean
  Consumer<Message<byte[]>> messagingConversations(
      EventDispatcher.Factory events, EngagementService engagement) {
    return PartnershipListeners.conversations(events, engagement);
  }
}
