package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.messaging.announcement.adapter.out.mongo.MongoAnnouncements;
import org.penpals.messaging.announcement.domain.Announcement;
import org.penpals.messaging.announcement.domain.Draft;
import org.penpals.messaging.announcement.domain.Segment;
import org.penpals.messaging.announcement.domain.Text;
import org.penpals.messaging.directory.adapter.out.mongo.MongoDirectory;
import org.penpals.messaging.directory.domain.Cycle;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.support.MailServer;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.SharedInfrastructureInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An announcement whose delivery is interrupted: the service is stopped in the middle of the
 * fan-out, its record of progress even set back (as if it had crashed after making mails and before
 * recording them), and a new instance finishes it. Every recipient gets exactly one mail.
 *
 * <p>The instances run on a database of their own (the shared test context must not deliver it) and
 * consume no topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnouncementResumeIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> BINDINGS =
      List.of(
          "registrationParticipants",
          "signInLinks",
          "matchingPartnerships",
          "promptDeliveries",
          "matchingParticipants",
          "promptEngagement",
          "registrationCycles");

  private final MailServer smtp = MailServer.get();
  private final String databaseName =
      "penpals-resume-" + UUID.randomUUID().toString().substring(0, 8);
  private MongoClient client;
  private MongoDatabase database;

  @BeforeAll
  void database() {
    client = MongoClients.create(SharedInfrastructure.mongoAddress());
    database = client.getDatabase(databaseName);
  }

  @AfterAll
  void drop() {
    database.drop();
    client.close();
  }

  /** An instance of the service on the own database, handling {@code batchSize} per round. */
  private ConfigurableApplicationContext instance(String interval, int batchSize) {
    Map<String, Object> properties = new HashMap<>(SharedInfrastructureInitializer.properties());
    properties.put("spring.mongodb.uri", SharedInfrastructure.mongoAddress() + "/" + databaseName);
    properties.put("server.port", 0);
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", smtp.port());
    properties.put("penpals.messaging.announcements.interval", interval);
    properties.put("penpals.messaging.announcements.batch-size", batchSize);
    properties.put("penpals.messaging.announcements.batches-per-round", 1);
    for (String binding : BINDINGS) {
      properties.put(
          "spring.cloud.stream.bindings." + binding + "-in-0.consumer.auto-startup", false);
    }
    return new SpringApplicationBuilder(MessagingApplication.class)
        .profiles("test")
        .run(
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  private Document stored(String id) {
    return database.getCollection("announcements").find(Filters.eq("_id", id)).first();
  }

  private long mailsOf(String id) {
    return database
        .getCollection("mails")
        .countDocuments(Filters.regex("_id", "^announcement:" + id + ":"));
  }

  @Test
  void shouldSendTheRestExactlyOnceAfterAnInstanceStoppedMidFanOut() {
    // given seven confirmed participants of a cycle and an announcement to all of them, due now
    String cycle = "cycle-resume-" + UUID.randomUUID().toString().substring(0, 8);
    MongoDirectory directory = new MongoDirectory(database);
    directory.cycle(new Cycle(cycle, "2032 cycle 1", Cycle.Status.RUNNING));
    List<String> emails = new ArrayList<>();
    String[] locales = {"en", "es", "fr"};
    for (int i = 0; i < 7; i++) {
      String id = cycle + "-p" + i;
      String email = id + "@example.org";
      emails.add(email);
      directory.save(
          new Recipient(
              id,
              cycle,
              1,
              "Person " + i,
              email,
              "GB",
              "Library",
              "Europe/London",
              locales[i % 3],
              false,
              true,
              null,
              null,
              false));
    }
    Announcement announcement =
        Announcement.schedule(
            "an-resume-" + UUID.randomUUID(),
            cycle,
            "resume-key-1",
            new Draft(
                new Text("Resumed", "Once **each**."),
                Map.of("es", new Text("Reanudado", "Una vez a **cada** persona.")),
                new Segment(Segment.Kind.ALL, null),
                null),
            7,
            Instant.now(),
            "staff-coordinator");
    assertThat(new MongoAnnouncements(database).insert(announcement)).isTrue();
    String id = announcement.id();

    // when an instance handles one batch of two at start-up, and is stopped before the next
    try (ConfigurableApplicationContext first = instance("1h", 2)) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  stored(id).getInteger("progress", 0) == 2
                      && emails.stream().filter(e -> !smtp.to(e).isEmpty()).count() == 2);
    }
    Document halfway = stored(id);
    assertThat(halfway.getString("status")).isEqualTo("SENDING");
    assertThat(halfway.getInteger("recipients")).isEqualTo(7);
    assertThat(mailsOf(id)).isEqualTo(2);
    // a lease was taken for the round (ShedLock's, in the service's database)
    assertThat(database.getCollection("shedLock").find(Filters.eq("_id", "announcements")).first())
        .isNotNull();
    // and, as if it had crashed after making those mails but before recording them, its progress
    // is set back to the start
    database
        .getCollection("announcements")
        .updateOne(
            Filters.eq("_id", id),
            Updates.combine(
                Updates.set("progress", 0), Updates.set("sent", 0), Updates.inc("rev", 1L)));

    // and a new instance takes over, two recipients a round
    try (ConfigurableApplicationContext second = instance("200ms", 2)) {
      await().atMost(WAIT).until(() -> "SENT".equals(stored(id).getString("status")));
      await().atMost(WAIT).until(() -> emails.stream().allMatch(e -> !smtp.to(e).isEmpty()));

      // then every recipient has exactly one mail, in their language
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(15))
          .until(() -> emails.stream().allMatch(e -> smtp.to(e).size() == 1));
      assertThat(MailServer.subject(smtp.to(emails.get(1)).get(0))).isEqualTo("Reanudado");
      assertThat(MailServer.subject(smtp.to(emails.get(0)).get(0))).isEqualTo("Resumed");
      assertThat(mailsOf(id)).isEqualTo(7);
      assertThat(stored(id).getInteger("sent")).isEqualTo(7);
      assertThat(stored(id).getInteger("progress")).isEqualTo(7);
    }
  }
}
