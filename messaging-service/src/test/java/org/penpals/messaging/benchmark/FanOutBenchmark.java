package org.penpals.messaging.benchmark;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.prompts.PromptContent;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.messaging.MessagingApplication;
import org.penpals.messaging.directory.application.Directory;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.mail.application.ProgrammeMail;
import org.penpals.platform.events.EventJson;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.SharedInfrastructureInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fan-out benchmark: {@code N/2} partnerships due in the same hour, i.e. {@code N} prompt mails
 * (default 100,000), from the moment they are due until the SMTP server accepted every one; then
 * the SMTP server's own ceiling, measured in the same run with a plain JavaMail client over the
 * same number of connections. Everything real and in this JVM: Kafka (KRaft), the MongoDB-wire
 * server, GreenMail (which counts what it accepts instead of storing it, so memory stays flat), the
 * whole messaging-service.
 *
 * <pre>
 * ./mvnw -q -B -pl messaging-service test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -Xmx3g -XX:+UseParallelGC -cp messaging-service/target/test-classes:messaging-service/target/classes:$(cat messaging-service/target/bench.classpath) \
 *     org.penpals.messaging.benchmark.FanOutBenchmark [mails=100000] [via=kafka|direct] [give-up-minutes=30] [setup=bulk|directory]
 * </pre>
 *
 * {@code via=kafka} (default) publishes one {@code PromptDue} per mail to the prompts topic, as
 * prompt-service would, and the service consumes them; {@code via=direct} calls the use case from
 * two threads (rendering and storing only). Service tuning can be passed as system properties, e.g.
 * {@code -Dpenpals.messaging.senders=4 -Dpenpals.messaging.batch-size=100}; {@code
 * -Dbench.warmup=N} first sends N mails, unmeasured, so the figures are those of a warm service.
 */
public final class FanOutBenchmark {
  private static final AtomicLong ACCEPTED = new AtomicLong();

  private FanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int mails = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    boolean viaKafka = args.length < 2 || "kafka".equals(args[1]);
    long giveUpMinutes = args.length > 2 ? Long.parseLong(args[2]) : 30;
    boolean bulkSetup = args.length < 4 || "bulk".equals(args[3]);
    System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
    mails -= mails % 2;
    GreenMail smtp = new CountingGreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    int smtpPort = smtp.getSmtp().getPort();

    Map<String, Object> properties = new HashMap<>(SharedInfrastructureInitializer.properties());
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", smtpPort);
    properties.put("server.port", 0);
    properties.put("penpals.outbox.sweep-interval", "5s");
    properties.putIfAbsent(
        "resilience4j.ratelimiter.instances.smtp.limit-for-period",
        System.getProperty("smtp.rate-limit", "100000"));
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("penpals.") || k.startsWith("resilience4j."))
        .forEach(k -> properties.remove(k));
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.org.penpals", "WARN");
    // system properties outrank application.yml (builder defaults would not)
    properties.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(MessagingApplication.class).run();
    try {
      Directory directory = app.getBean(Directory.class);
      ProgrammeMail programme = app.getBean(ProgrammeMail.class);
      int senders = app.getEnvironment().getProperty("penpals.messaging.senders", Integer.class, 2);

      // the cohort: N participants in N/2 partnerships, languages en/es/fr
      String cycle = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      String[] locales = {"en", "es", "fr"};
      String[] zones = {"Europe/London", "America/Mexico_City", "Europe/Paris", "Asia/Kolkata"};
      List<String> people = new ArrayList<>(mails);
      for (int i = 0; i < mails; i++) {
        people.add(cycle + "-p" + i);
      }
      long setup = System.nanoTime();
      if (bulkSetup) {
        // the directory's documents written in bulk: its own save/formed take a conditional
        // upsert each, which the embedded server answers by scanning (quadratic set-up)
        com.mongodb.client.MongoDatabase db = app.getBean(com.mongodb.client.MongoDatabase.class);
        List<org.bson.Document> recipients = new ArrayList<>();
        List<org.bson.Document> partnerships = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
          recipients.add(
              new org.bson.Document("_id", people.get(i))
                  .append("cycleId", cycle)
                  .append("revision", 1L)
                  .append("fullName", "Participant " + i)
                  .append("email", "p" + i + "@bench.example.org")
                  .append("country", i % 2 == 0 ? "GB" : "MX")
                  .append("organisation", "Library " + i)
                  .append("timeZone", zones[i % zones.length])
                  .append("locale", locales[i % locales.length])
                  .append("withdrawn", false)
                  .append("partnerships", List.of(cycle + "-ps" + i / 2)));
          if (i % 2 == 1) {
            partnerships.add(
                new org.bson.Document("_id", cycle + "-ps" + i / 2)
                    .append("cycleId", cycle)
                    .append("members", List.of(people.get(i - 1), people.get(i)))
                    .append("formed", true));
          }
          if (recipients.size() == 1000 || i == mails - 1) {
            db.getCollection("recipients").insertMany(recipients);
            db.getCollection("partnerships").insertMany(partnerships);
            recipients.clear();
            partnerships.clear();
          }
        }
        // the service reads what it wrote itself: check one of each through the use case's port
        if (directory.recipient(people.get(mails - 1)).isEmpty()
            || directory.partnership(cycle + "-ps" + (mails / 2 - 1)).isEmpty()) {
          throw new IllegalStateException("the directory does not read the bulk-written cohort");
        }
      } else {
        for (int i = 0; i < mails; i++) {
          directory.save(
              new Recipient(
                  people.get(i),
                  cycle,
                  1,
                  "Participant " + i,
                  "p" + i + "@bench.example.org",
                  i % 2 == 0 ? "GB" : "MX",
                  "Library " + i,
                  zones[i % zones.length],
                  locales[i % locales.length],
                  false));
        }
        for (int i = 0; i < mails; i += 2) {
          directory.formed(cycle + "-ps" + i / 2, cycle, List.of(people.get(i), people.get(i + 1)));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "cohort written (%s) in %.1f s%n",
          bulkSetup ? "bulk" : "through the directory",
          (System.nanoTime() - setup) / 1e9);
      PromptContent content =
          new PromptContent(
              "bench",
              "PROMPT",
              "What surprised you this week?",
              "Tell your partner about **one** thing that surprised you at work this week, and"
                  + " ask them the same.\n\nIf nothing did: what would you change?",
              Map.of(
                  "es",
                  new PromptContent.Translation(
                      "¿Qué le sorprendió esta semana?",
                      "Cuente a su compañero/a **una** cosa que le sorprendió."),
                  "fr",
                  new PromptContent.Translation(
                      "Qu'est-ce qui vous a surpris cette semaine ?",
                      "Racontez à votre partenaire **une** chose qui vous a surpris.")));
      System.out.printf(
          Locale.ROOT,
          "cohort ready: %,d participants, %,d partnerships; sending %s, %d sender threads%n",
          mails,
          mails / 2,
          viaKafka ? "via Kafka (PromptDue events)" : "direct (use case from 2 threads)",
          senders);

      // optional warm-up (-Dbench.warmup=N): N mails to the first N participants under other
      // delivery ids, sent and accepted before the measured phase, so that it measures a running
      // service rather than one still compiling its hot path (its figures are printed apart)
      int warmup = Math.min(Integer.getInteger("bench.warmup", 0), mails);
      if (warmup > 0) {
        ACCEPTED.set(0);
        long warmStart = System.nanoTime();
        List<String> warmed = people.subList(0, warmup);
        if (viaKafka) {
          publish(warmed, cycle, content, Instant.now(), "-w");
        } else {
          enqueueDirectly(programme, warmed, cycle, content, Instant.now(), "-w");
        }
        while (ACCEPTED.get() < warmup) {
          Thread.sleep(200);
          if (System.nanoTime() - warmStart > TimeUnit.MINUTES.toNanos(giveUpMinutes)) {
            throw new IllegalStateException("the warm-up did not finish");
          }
        }
        double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "warm-up (not measured): %,d mails in %.1f s = %.0f mails/s%n",
            warmup,
            warmSeconds,
            warmup / warmSeconds);
      }

      // fan-out: every prompt falls due at once
      ACCEPTED.set(0);
      Instant due = Instant.now();
      long start = System.nanoTime();
      if (viaKafka) {
        publish(people, cycle, content, due, "-d");
      } else {
        enqueueDirectly(programme, people, cycle, content, due, "-d");
      }
      long enqueued = System.nanoTime();
      long lastReport = System.nanoTime();
      long lastCount = 0;
      long atTarget = -1;
      boolean gaveUp = false;
      while (ACCEPTED.get() < mails) {
        Thread.sleep(200);
        long now = System.nanoTime();
        if (atTarget < 0 && now - start >= TimeUnit.SECONDS.toNanos(300)) {
          atTarget = ACCEPTED.get();
          System.out.printf(Locale.ROOT, "  after 300 s: %,d accepted%n", atTarget);
        }
        if (now - lastReport > TimeUnit.SECONDS.toNanos(10)) {
          long count = ACCEPTED.get();
          System.out.printf(
              Locale.ROOT,
              "  %5.1f s: %,d accepted (%.0f mails/s over the last %.0f s; load average %s)%n",
              (now - start) / 1e9,
              count,
              (count - lastCount) / ((now - lastReport) / 1e9),
              (now - lastReport) / 1e9,
              loadAverage());
          lastReport = now;
          lastCount = count;
        }
        if (now - start > TimeUnit.MINUTES.toNanos(giveUpMinutes)) {
          gaveUp = true;
          break;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long accepted = Math.min(ACCEPTED.get(), mails);
      System.out.printf(
          Locale.ROOT,
          "service: %,d of %,d mails accepted by SMTP in %.1f s = %.0f mails/s%s (events published"
              + " or mails stored after %.1f s); target 100,000 in 300 s: %s; load average %s%n",
          accepted,
          mails,
          seconds,
          accepted / seconds,
          gaveUp ? " (gave up)" : "",
          (enqueued - start) / 1e9,
          mails >= 100_000 && !gaveUp && seconds <= 300
              ? "met"
              : (mails < 100_000 ? "n/a" : "missed"),
          loadAverage());

      // the SMTP server's own ceiling, same server, same number of connections, with the service
      // stopped (after a give-up it would still be sending)
      app.close();
      int ceilingMails = Math.min(mails, 50_000);
      double ceiling = ceiling(smtpPort, ceilingMails, senders);
      System.out.printf(
          Locale.ROOT,
          "ceiling: plain JavaMail, %d connection(s), %,d mails: %.0f mails/s; the service"
              + " reached %.0f%% of it%n",
          senders,
          ceilingMails,
          ceiling,
          100 * (accepted / seconds) / ceiling);
      System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    } catch (Exception | Error e) {
      e.printStackTrace(System.out);
      throw e;
    } finally {
      app.close();
      smtp.stop();
      System.exit(0);
    }
  }

  private static void publish(
      List<String> people, String cycle, PromptContent content, Instant due, String deliveries)
      throws Exception {
    EventJson json = new EventJson();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                SharedInfrastructure.kafkaBootstrapServers(),
                "key.serializer",
                StringSerializer.class,
                "value.serializer",
                ByteArraySerializer.class,
                "linger.ms",
                20,
                "batch.size",
                65536))) {
      for (int i = 0; i < people.size(); i++) {
        String partnership = cycle + "-ps" + i / 2;
        PromptDue event =
            new PromptDue(
                cycle + deliveries + i, partnership, cycle, people.get(i), 1, content, due, false);
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(PromptEvents.PROMPT_DUE.topic(), partnership, json.write(event));
        record.headers().add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
        record.headers().add(CloudEventHeaders.TYPE, bytes(PromptEvents.PROMPT_DUE.type()));
        record.headers().add(CloudEventHeaders.SUBJECT, bytes(partnership));
        producer.send(record);
      }
      producer.flush();
    }
  }

  private static void enqueueDirectly(
      ProgrammeMail programme,
      List<String> people,
      String cycle,
      PromptContent c,
      Instant due,
      String deliveries)
      throws Exception {
    Prompt prompt =
        new Prompt(
            c.kind(),
            c.title(),
            c.body(),
            Map.of(
                "es",
                    new Prompt.Text(
                        c.translations().get("es").title(), c.translations().get("es").body()),
                "fr",
                    new Prompt.Text(
                        c.translations().get("fr").title(), c.translations().get("fr").body())));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int first = t;
      work.add(
          pool.submit(
              () -> {
                for (int i = first; i < people.size(); i += 2) {
                  programme.promptDue(
                      cycle + deliveries + i,
                      cycle + "-ps" + i / 2,
                      cycle,
                      people.get(i),
                      1,
                      prompt,
                      due,
                      false);
                }
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
  }

  /** A plain JavaMail client: {@code connections} threads, each one connection, one mail a time. */
  private static double ceiling(int port, int mails, int connections) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(port));
    Session session = Session.getInstance(props);
    String html = "<p>" + "A typical prompt mail body of a few kilobytes. ".repeat(60) + "</p>";
    ACCEPTED.set(0);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      int first = t;
      work.add(
          pool.submit(
              () -> {
                try (Transport transport = session.getTransport("smtp")) {
                  transport.connect();
                  for (int i = first; i < mails; i += connections) {
                    MimeMessage m = new MimeMessage(session);
                    m.setFrom(new InternetAddress("programme@penpals.local"));
                    InternetAddress to = new InternetAddress("c" + i + "@bench.example.org");
                    m.setRecipient(Message.RecipientType.TO, to);
                    m.setSubject("Week 1: What surprised you this week?", "UTF-8");
                    m.setText(html, "UTF-8", "html");
                    m.saveChanges();
                    transport.sendMessage(m, new InternetAddress[] {to});
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (ACCEPTED.get() < mails) {
      throw new IllegalStateException("the server counted " + ACCEPTED.get() + " of " + mails);
    }
    return mails / seconds;
  }

  /** The 1, 5 and 15 minute load averages of the machine (other work shares the cores). */
  private static String loadAverage() {
    try {
      String[] parts =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return String.format(
          Locale.ROOT,
          "%.2f",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** GreenMail that counts the mails it accepts (after DATA) and keeps none. */
  static final class CountingGreenMail extends GreenMail {
    CountingGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = super.createServices(config, managers);
      services.put("smtp", new SmtpServer(config[0], new Counting(managers)));
      return services;
    }
  }

  static final class Counting extends Managers {
    private final Managers delegate;
    private final SmtpManager smtp;

    Counting(Managers delegate) {
      this.delegate = delegate;
      this.smtp =
          new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
            @Override
            public synchronized void send(SmtpState state) {
              ACCEPTED.incrementAndGet();
            }
          };
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return delegate.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return delegate.getImapHostManager();
    }
  }
}
