package org.penpals.messaging.config;

import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.penpals.messaging.announcement.adapter.in.scheduling.AnnouncementSender;
import org.penpals.messaging.announcement.adapter.out.mongo.MongoAnnouncements;
import org.penpals.messaging.announcement.application.AnnouncementService;
import org.penpals.messaging.conversation.adapter.out.mongo.MongoConversations;
import org.penpals.messaging.conversation.application.ConversationService;
import org.penpals.messaging.directory.adapter.out.mongo.MongoDirectory;
import org.penpals.messaging.directory.application.MyPartnership;
import org.penpals.messaging.mail.adapter.in.messaging.ProgrammeListener;
import org.penpals.messaging.mail.adapter.in.messaging.SignInLinkListener;
import org.penpals.messaging.mail.adapter.out.mongo.MongoMailQueue;
import org.penpals.messaging.mail.adapter.out.mongo.MongoPendingMails;
import org.penpals.messaging.mail.adapter.out.smtp.SmtpTransport;
import org.penpals.messaging.mail.adapter.out.template.ThymeleafMailTemplates;
import org.penpals.messaging.mail.application.MailDispatcher;
import org.penpals.messaging.mail.application.MailLog;
import org.penpals.messaging.mail.application.MyNotices;
import org.penpals.messaging.mail.application.ProgrammeMail;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.outbox.OutboxCollection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.messaging.Message;

/** Wires the plain-Java use cases to MongoDB, SMTP (through Resilience4j) and Kafka. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
class MessagingConfiguration {
  /** The Resilience4j instance name (circuit breaker, retry, rate limiter) of the SMTP server. */
  static final String SMTP = "smtp";

  @Bean
  OutboxCollection mailsOutbox() {
    return new OutboxCollection(MongoMailQueue.COLLECTION);
  }

  @Bean
  OutboxCollection conversationsOutbox() {
    return new OutboxCollection(MongoConversations.COLLECTION);
  }

  @Bean
  List<IndexSpec> messagingIndexes() {
    List<IndexSpec> indexes = new ArrayList<>(MongoMailQueue.indexes());
    indexes.addAll(MongoDirectory.indexes());
    indexes.addAll(MongoPendingMails.indexes());
    indexes.addAll(MongoAnnouncements.indexes());
    return indexes;
  }

  @Bean
  MongoDirectory directory(MongoDatabase database) {
    return new MongoDirectory(database);
  }

  @Bean
  MongoMailQueue mailQueue(MongoDatabase database, Outbox outbox) {
    return new MongoMailQueue(database, outbox);
  }

  @Bean
  MongoConversations conversations(MongoDatabase database, Outbox outbox) {
    return new MongoConversations(database, outbox);
  }

  @Bean
  MongoPendingMails pendingMails(MongoDatabase database) {
    return new MongoPendingMails(database);
  }

  @Bean
  ThymeleafMailTemplates mailTemplates() {
    return new ThymeleafMailTemplates();
  }

  @Bean
  SmtpTransport smtpTransport(
      JavaMailSenderImpl mailSender,
      MessagingProperties properties,
      CircuitBreakerRegistry circuitBreakers,
      RetryRegistry retries,
      RateLimiterRegistry rateLimiters) {
    return new SmtpTransport(
        mailSender,
        properties.from(),
        circuitBreakers.circuitBreaker(SMTP),
        retries.retry(SMTP),
        rateLimiters.rateLimiter(SMTP),
        properties.batchSize(),
        properties.unavailableBackoff());
  }

  @Bean
  MailDispatcher mailDispatcher(
      MongoMailQueue queue,
      SmtpTransport transport,
      MessagingProperties properties,
      Clock clock,
      MeterRegistry meters) {
    MailDispatcher dispatcher =
        new MailDispatcher(
            queue,
            transport,
            clock,
            new MailDispatcher.Settings(
                properties.batchSize(),
                properties.lease(),
                properties.sweepInterval(),
                properties.maxAttempts(),
                properties.firstBackoff(),
                properties.maxBackoff()));
    meters.gauge("penpals.mail.backlog", dispatcher, MailDispatcher::backlog);
    return dispatcher;
  }

  @Bean
  ProgrammeMail programmeMail(
      MongoDirectory directory,
      MongoMailQueue queue,
      MongoPendingMails pending,
      ThymeleafMailTemplates templates,
      MessagingProperties properties,
      MailDispatcher dispatcher,
      Clock clock) {
    return new ProgrammeMail(
        directory,
        queue,
        pending,
        templates,
        new ProgrammeMail.Links(
            properties.portalUrl(),
            properties.verifyUrl(),
            properties.signInUrl(),
            properties.contact()),
        clock,
        dispatcher::signal);
  }

  @Bean
  MailLog mailLog(
      MongoMailQueue queue, MongoDirectory directory, MailDispatcher dispatcher, Clock clock) {
    return new MailLog(queue, directory, clock, dispatcher::signal);
  }

  @Bean
  ConversationService conversationService(
      MongoConversations conversations, MongoDirectory directory, ProgrammeMail mail, Clock clock) {
    return new ConversationService(conversations, directory, mail, clock);
  }

  @Bean
  MailSenders mailSenders(
      MailDispatcher dispatcher, ConversationService conversations, MessagingProperties p) {
    return new MailSenders(dispatcher, conversations, p.senders(), p.sweepInterval());
  }

  @Bean
  ProgrammeListener programmeListener(ProgrammeMail mail, ConversationService conversations) {
    return new ProgrammeListener(mail, conversations);
  }

  @Bean
  Consumer<Message<byte[]>> registrationParticipants(
      ProgrammeListener listener, EventDispatcher.Factory events) {
    return listener.participants(events);
  }

  @Bean
  Consumer<Message<byte[]>> signInLinks(ProgrammeMail mail, EventDispatcher.Factory events) {
    return SignInLinkListener.of(mail, events);
  }

  @Bean
  MyPartnership myPartnership(MongoDirectory directory) {
    return new MyPartnership(directory);
  }

  @Bean
  MyNotices myNotices(MongoMailQueue queue) {
    return new MyNotices(queue);
  }

  @Bean
  MongoAnnouncements announcements(MongoDatabase database) {
    return new MongoAnnouncements(database);
  }

  @Bean
  AnnouncementService announcementService(
      MongoAnnouncements announcements,
      MongoDirectory directory,
      ProgrammeMail mail,
      Clock clock,
      MessagingProperties properties) {
    return new AnnouncementService(
        announcements,
        directory,
        mail,
        clock,
        new AnnouncementService.Settings(
            properties.announcements().batchSize(), properties.announcements().batchesPerRound()));
  }

  @Bean
  AnnouncementSender announcementSender(AnnouncementService announcements) {
    return new AnnouncementSender(announcements);
  }

  @Bean
  Consumer<Message<byte[]>> matchingPartnerships(
      ProgrammeListener listener, EventDispatcher.Factory events) {
    return listener.partnerships(events);
  }

  @Bean
  Consumer<Message<byte[]>> promptDeliveries(
      ProgrammeListener listener, EventDispatcher.Factory events) {
    return listener.prompts(events);
  }

  @Bean
  Consumer<Message<byte[]>> matchingParticipants(
      ProgrammeListener listener, EventDispatcher.Factory events) {
    return listener.matchingParticipants(events);
  }

  @Bean
  Consumer<Message<byte[]>> promptEngagement(
      ProgrammeListener listener, EventDispatcher.Factory events) {
    return listener.engagement(events);
  }

  @Bean
  Consumer<Message<byte[]>> registrationCycles(
      ProgrammeListener listener, EventDispatcher.Factory events) {
    return listener.cycles(events);
  }
}
