package org.penpals.platform.autoconfigure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.events.EventJson;
import org.penpals.platform.events.ProcessedEvents;
import org.penpals.platform.events.ProcessedEventsCleanup;
import org.penpals.platform.kafka.KafkaHealthIndicator;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.mongo.MongoIndexes;
import org.penpals.platform.mongo.MongoPingHealthIndicator;
import org.penpals.platform.mongo.MongoTimeouts;
import org.penpals.platform.outbox.KafkaOutboxPublisher;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.outbox.OutboxCollection;
import org.penpals.platform.outbox.OutboxProperties;
import org.penpals.platform.outbox.OutboxRelay;
import org.penpals.platform.ratelimit.RateLimitFilter;
import org.penpals.platform.ratelimit.RateLimitProperties;
import org.penpals.platform.web.HttpLimits;
import org.penpals.platform.web.ProblemDetailsAdvice;
import org.penpals.platform.web.ProblemErrorController;
import org.penpals.platform.web.ProblemWriter;
import org.penpals.platform.web.RequestBodyLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The shared service defaults: outbox, consumers, problems, limits, health, and background work:
 * Spring's scheduling with ShedLock ({@code @Scheduled} plus {@code @SchedulerLock}: one instance
 * runs a job at a time, leases in the service's {@code shedLock} collection).
 */
@AutoConfiguration(after = {MongoAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
@EnableConfigurationProperties({
  OutboxProperties.class,
  RateLimitProperties.class,
  MongoTimeouts.class,
  HttpLimits.class
})
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class PlatformAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  // ------------------------------------------------------------------ JSON

  @Bean
  EventJson eventJson() {
    return new EventJson();
  }

  /** Strict HTTP bodies: no silent coercion of "7" to 7 or of 7 to "7", no floats as ints. */
  @Bean
  JsonMapperBuilderCustomizer penpalsStrictJson() {
    return builder -> {
      builder
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
      builder.withCoercionConfig(
          LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
      builder.withCoercionConfig(
          LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
      builder.withCoercionConfig(
          LogicalType.Boolean,
          c ->
              c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
      builder.withCoercionConfig(
          LogicalType.Textual,
          c ->
              c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    };
  }

  @Bean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  // ------------------------------------------------------------------ HTTP limits

  @Bean
  FilterRegistrationBean<RateLimitFilter> penpalsRateLimitFilter(
      RateLimitProperties properties, ProblemWriter problems) {
    var registration = new FilterRegistrationBean<>(new RateLimitFilter(properties, problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> penpalsRequestBodyLimitFilter(
      HttpLimits limits, ProblemWriter problems) {
    var registration =
        new FilterRegistrationBean<>(
            new RequestBodyLimitFilter(limits.maxBodySize(), limits.maxCsvBodySize(), problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  // ------------------------------------------------------------------ MongoDB

  @Bean
  MongoClientSettingsBuilderCustomizer penpalsMongoTimeouts(MongoTimeouts timeouts) {
    return settings ->
        settings
            .applyToClusterSettings(
                c ->
                    c.serverSelectionTimeout(
                        timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                s ->
                    s.connectTimeout(
                        (int) timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
  }

  @Bean
  @ConditionalOnMissingBean
  MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
    return client.getDatabase(properties.getMongoClientDatabase());
  }

  @Bean
  MongoPingHealthIndicator mongoPingHealthIndicator(MongoDatabase database) {
    return new MongoPingHealthIndicator(database);
  }

  @Bean
  MongoIndexes mongoIndexes(
      MongoDatabase database, List<IndexSpec> indexes, List<OutboxCollection> outboxes) {
    List<IndexSpec> all = new ArrayList<>(indexes);
    for (OutboxCollection outbox : outboxes) {
      all.add(
          new IndexSpec(
              outbox.name(),
              Indexes.ascending(Outbox.TIME),
              new IndexOptions().name("outbox_pending")));
    }
    all.add(
        new IndexSpec(
            ProcessedEvents.COLLECTION,
            Indexes.ascending("at"),
            new IndexOptions().name("processed_at")));
    return new MongoIndexes(database, all);
  }

  // ------------------------------------------------------------------ Kafka and the outbox

  @Bean
  org.penpals.platform.kafka.BinderStartupTuning binderStartupTuning() {
    return new org.penpals.platform.kafka.BinderStartupTuning();
  }

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
    return new KafkaHealthIndicator(kafka.buildAdminProperties());
  }

  @Bean
  KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    var factory = new DefaultKafkaProducerFactory<String, byte[]>(config);
    factory.setPhysicalCloseTimeout(2);
    return new KafkaTemplate<>(factory);
  }

  /** ShedLock's leases in the service's own database (collection {@code shedLock}). */
  @Bean
  @ConditionalOnMissingBean
  LockProvider penpalsLockProvider(MongoDatabase database) {
    return new MongoLockProvider(database);
  }

  @Bean
  OutboxRelay outboxRelay(
      MongoDatabase database,
      LockProvider locks,
      List<OutboxCollection> collections,
      KafkaTemplate<String, byte[]> outboxKafkaTemplate,
      OutboxProperties properties,
      Clock clock,
      MeterRegistry meters,
      @Value("${spring.application.name:penpals}") String application) {
    return new OutboxRelay(
        database,
        collections.stream().map(OutboxCollection::name).toList(),
        new KafkaOutboxPublisher(outboxKafkaTemplate, "/penpals/" + application),
        locks,
        properties,
        clock,
        meters);
  }

  @Bean
  Outbox outbox(EventJson json, Clock clock, OutboxRelay relay, ObjectProvider<Tracer> tracer) {
    return new Outbox(json, clock, traceparent(tracer), relay);
  }

  /** The W3C {@code traceparent} of the current span, if tracing is on. */
  static Supplier<@Nullable String> traceparent(ObjectProvider<Tracer> tracers) {
    return () -> {
      Tracer tracer = tracers.getIfAvailable();
      TraceContext context = tracer == null ? null : tracer.currentTraceContext().context();
      if (context == null) {
        return null;
      }
      boolean sampled = Boolean.TRUE.equals(context.sampled());
      return "00-" + context.traceId() + "-" + context.spanId() + "-" + (sampled ? "01" : "00");
    };
  }

  // ------------------------------------------------------------------ consumers

  @Bean
  ProcessedEvents processedEvents(MongoDatabase database, Clock clock) {
    return new ProcessedEvents(database, clock);
  }

  @Bean
  ProcessedEventsCleanup processedEventsCleanup(
      ProcessedEvents processed,
      @Value("${penpals.events.dedupe-retention:14d}") java.time.Duration retention) {
    return new ProcessedEventsCleanup(processed, retention, java.time.Duration.ofHours(6));
  }

  @Bean
  EventDispatcher.Factory eventDispatchers(EventJson json, ProcessedEvents processed) {
    return new EventDispatcher.Factory(json, processed);
  }
}
