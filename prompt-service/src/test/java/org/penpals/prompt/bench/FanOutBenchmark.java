package org.penpals.prompt.bench;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.EventCatalog;
import org.penpals.contracts.EventType;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.CycleRegistrationClosed;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.contracts.registration.PromptCadence;
import org.penpals.platform.events.EventJson;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.prompt.PromptApplication;
import org.penpals.prompt.clock.ProgrammeClock;
import org.penpals.prompt.partnership.adapter.in.scheduler.SchedulerLoop;
import org.penpals.prompt.partnership.application.Formed;
import org.penpals.prompt.partnership.application.PlanningService;
import org.penpals.prompt.partnership.domain.Member;
import org.penpals.prompt.schedule.application.ScheduleService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fan-out benchmark: N partnerships (default 50,000) of one cycle, every member in a UTC+1 zone
 * so that all 2N first prompts fall due in the same minute, planned in a fresh database; then the
 * programme clock reaches that minute and we measure the time until every {@code PromptDue} is on
 * Kafka (distinct delivery ids), and how long the scheduler's claims took on their own.
 *
 * <p>Not a test: run it as a program (see {@code prompt-service/README.md}). By default it starts
 * Kafka (KRaft) and the MongoDB-wire server in this JVM, like the integration tests; {@code
 * --kafka} and {@code --mongo} point it at running ones instead (e.g. the local stack's).
 *
 * <p>Planning is set-up, not the figure: by default the partnerships are planned through the
 * planning use case from {@code --threads} threads at once ({@code --plan direct}); {@code --plan
 * kafka} sends them as {@code PartnershipFormed} events through the service's single consumer
 * instead (slower, and the same code path after the consumer).
 *
 * <pre>
 * --partnerships 50000  --plan direct|kafka  --threads 8
 * --kafka host:port  --mongo mongodb://host:port  --timeout 30m  --buckets 1024
 * </pre>
 */
public final class FanOutBenchmark {
  private static final String[] ZONES = {
    "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Africa/Lagos", "Europe/Oslo"
  };
  private static final Pattern DELIVERY = Pattern.compile("\"deliveryId\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int partnerships = Integer.parseInt(options.getOrDefault("partnerships", "50000"));
    Duration timeout = Duration.parse("PT" + options.getOrDefault("timeout", "30m").toUpperCase());
    boolean viaKafka = "kafka".equals(options.getOrDefault("plan", "direct"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    String kafka = options.getOrDefault("kafka", null);
    String mongo = options.getOrDefault("mongo", null);
    if (kafka == null) {
      log("starting Kafka (KRaft) in this JVM");
      kafka = SharedInfrastructure.kafkaBootstrapServers();
    }
    if (mongo == null) {
      log("starting the MongoDB-wire server (memory backend) in this JVM");
      mongo = SharedInfrastructure.mongoAddress();
    }
    String database = "penpals-prompt-bench-" + System.currentTimeMillis();

    // a January cycle: UTC+1 zones without daylight saving time in play, 09:00 local = 08:00 UTC
    LocalDate start =
        LocalDate.of(2027, 1, 11).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    Instant programmeStart = start.minusDays(7).atStartOfDay(ZoneId.of("UTC")).toInstant();
    Instant firstDue =
        ZonedDateTime.of(start, LocalTime.of(9, 0), ZoneId.of("Europe/Paris")).toInstant();

    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.kafka.bootstrap-servers", kafka);
    properties.put("spring.mongodb.uri", mongo + "/" + database);
    properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
    properties.put("penpals.security.jwt.public-key", SharedInfrastructure.publicKeyLocation());
    properties.put("server.port", 0);
    properties.put("penpals.prompts.clock.mode", "demo");
    properties.put("penpals.prompts.clock.speed", 0);
    properties.put("penpals.prompts.clock.start", programmeStart.toString());
    properties.put("logging.level.org.penpals", "INFO");
    if (options.containsKey("buckets")) {
      properties.put("penpals.prompts.scheduler.buckets", options.get("buckets"));
    }
    log("load average at start: " + loadAverage());
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String cycleId = "bench-cycle-" + suffix;

    log("starting prompt-service against database " + database);
    ConfigurableApplicationContext service =
        new SpringApplicationBuilder(PromptApplication.class)
            .run(
                properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new));
    try (Watcher watcher = new Watcher(kafka);
        KafkaProducer<String, byte[]> producer = producer(kafka)) {
      EventJson json = new EventJson();
      send(producer, json, cycle(cycleId, start));
      producer.flush();
      PlanningService planner = service.getBean(PlanningService.class);
      ScheduleService schedules = service.getBean(ScheduleService.class);
      long known = System.nanoTime();
      while (schedules.cycle(cycleId).isEmpty()) {
        if (System.nanoTime() - known > TimeUnit.MINUTES.toNanos(2)) {
          throw new IllegalStateException("the service never learned about the cycle");
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> planned = new ArrayList<>();
      for (int i = 0; i < partnerships; i++) {
        PartnershipMember a =
            new PartnershipMember("p-" + suffix + "-" + i + "a", ZONES[i % ZONES.length], "en");
        PartnershipMember b =
            new PartnershipMember(
                "p-" + suffix + "-" + i + "b", ZONES[(i + 1) % ZONES.length], "es");
        PartnershipFormed formed =
            new PartnershipFormed(
                "ps-" + suffix + "-" + i,
                cycleId,
                List.of(a, b),
                50,
                "INITIAL",
                "bench",
                programmeStart);
        if (viaKafka) {
          send(producer, json, formed);
        } else {
          planned.add(
              pool.submit(
                  () ->
                      planner.formed(
                          new Formed(
                              formed.partnershipId(),
                              formed.cycleId(),
                              formed.members().stream()
                                  .map(
                                      m ->
                                          new Member(
                                              m.participantId(), m.timeZone(), m.locale(), null))
                                  .toList(),
                              formed.origin(),
                              formed.formedAt()))));
        }
      }
      producer.flush();
      long nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      for (int i = 0; i < planned.size(); i++) {
        planned.get(i).get();
        if (System.nanoTime() >= nextLog) {
          log(
              String.format(
                  "planned %d / %d after %.1f s; load average %s",
                  i + 1, partnerships, seconds(t0), loadAverage()));
          nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        }
      }
      pool.shutdown();
      log(
          partnerships
              + (viaKafka ? " PartnershipFormed sent" : " partnerships planned")
              + " in "
              + String.format("%.1f s", seconds(t0))
              + "; waiting for every PromptsPlanned on Kafka");
      watcher.awaitPlanned(partnerships, timeout);
      double planning = seconds(t0);
      log(
          String.format(
              "planned %d partnerships (%d PromptsPlanned on Kafka) in %.1f s = %.0f/s",
              partnerships, partnerships, planning, partnerships / planning));

      // the hour comes: every member's first prompt is due in the same minute
      ProgrammeClock clock = service.getBean(ProgrammeClock.class);
      SchedulerLoop scheduler = service.getBean(SchedulerLoop.class);
      long t1 = System.nanoTime();
      clock.moveTo(firstDue.plusSeconds(1));
      var round = scheduler.trigger().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      double claims = seconds(t1);
      log("scheduler round: " + round.orElse(null) + " in " + String.format("%.1f s", claims));
      int expected = 2 * partnerships;
      watcher.awaitDue(expected, timeout);
      double fanOut = seconds(t1);
      Set<String> ids = watcher.deliveryIds();
      System.out.printf(
          "%nFAN-OUT RESULT: %,d partnerships due in the same hour -> %,d PromptDue on Kafka in"
              + " %.1f s (%.0f/s); scheduler claims %.1f s; %,d distinct delivery ids, %,d"
              + " records; planning %.1f s (%.0f partnerships/s)%n",
          partnerships,
          ids.size(),
          fanOut,
          expected / fanOut,
          claims,
          ids.size(),
          watcher.dueRecords(),
          planning,
          partnerships / planning);
      log("load average at the end: " + loadAverage());
      if (ids.size() != expected) {
        throw new IllegalStateException(
            "expected " + expected + " delivery ids, saw " + ids.size());
      }
    } finally {
      service.close();
    }
    System.exit(0);
  }

  private static CycleRegistrationClosed cycle(String cycleId, LocalDate start) {
    return new CycleRegistrationClosed(
        cycleId,
        new CycleDetails(
            "Fan-out benchmark",
            Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"),
            start,
            17,
            PromptCadence.WEEKLY,
            DayOfWeek.MONDAY,
            9,
            1_000_000,
            100,
            CycleStatus.REGISTRATION_CLOSED),
        0,
        0);
  }

  private static KafkaProducer<String, byte[]> producer(String kafka) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
    return new KafkaProducer<>(p);
  }

  private static void send(KafkaProducer<String, byte[]> producer, EventJson json, Object event) {
    EventType<?> type = EventCatalog.of(event.getClass());
    String key = type.keyOf(event);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(type.topic(), key, json.write(event));
    record.headers().add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
    record.headers().add(CloudEventHeaders.TYPE, bytes(type.type()));
    record.headers().add(CloudEventHeaders.SUBJECT, bytes(key));
    producer.send(record);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Follows the deliveries topic from its beginning on its own thread. */
  private static final class Watcher implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> planned = new HashSet<>();
    private final Set<String> deliveryIds = new HashSet<>();
    private long dueRecords;

    Watcher(String kafka) {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
      consumer = new KafkaConsumer<>(p);
      List<TopicPartition> partitions = new ArrayList<>();
      while (partitions.isEmpty()) {
        consumer
            .partitionsFor(Topics.PROMPT_DELIVERIES, Duration.ofSeconds(10))
            .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      thread = new Thread(this::run, "bench-watcher");
      thread.start();
    }

    private void run() {
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          Header type = r.headers().lastHeader(CloudEventHeaders.TYPE);
          String t = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
          synchronized (this) {
            if (PromptEvents.PROMPTS_PLANNED.type().equals(t)) {
              planned.add(r.key());
            } else if (PromptEvents.PROMPT_DUE.type().equals(t)) {
              dueRecords++;
              Matcher m = DELIVERY.matcher(new String(r.value(), StandardCharsets.UTF_8));
              if (m.find()) {
                deliveryIds.add(m.group(1));
              }
            }
          }
        }
      }
    }

    void awaitPlanned(int count, Duration timeout) throws InterruptedException {
      awaitCount(() -> planned.size(), count, timeout, "PromptsPlanned");
    }

    void awaitDue(int count, Duration timeout) throws InterruptedException {
      awaitCount(() -> deliveryIds.size(), count, timeout, "PromptDue");
    }

    synchronized Set<String> deliveryIds() {
      return Set.copyOf(deliveryIds);
    }

    synchronized long dueRecords() {
      return dueRecords;
    }

    private void awaitCount(
        java.util.function.IntSupplier seen, int count, Duration timeout, String what)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      long nextLog = System.nanoTime();
      while (true) {
        int now;
        synchronized (this) {
          now = seen.getAsInt();
        }
        if (now >= count) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + now + " of " + count + " " + what);
        }
        if (System.nanoTime() >= nextLog) {
          log(what + ": " + now + " / " + count);
          nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        }
        TimeUnit.MILLISECONDS.sleep(20);
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(2000);
      consumer.close(Duration.ofSeconds(1));
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("options look like --name value: " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** The 1, 5 and 15 minute load averages of the machine (other work shares the cores). */
  private static String loadAverage() {
    try {
      String[] parts =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return String.valueOf(
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void log(String message) {
    System.out.println("[fan-out] " + message);
  }

  private FanOutBenchmark() {}
}
