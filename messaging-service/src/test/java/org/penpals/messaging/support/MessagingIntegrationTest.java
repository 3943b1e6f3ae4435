package org.penpals.messaging.support;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.SharedInfrastructureInitializer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the service on a random port against the JVM's shared Kafka
 * broker, MongoDB-wire server and SMTP server ({@link MailServer}). One Spring context for all.
 */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MessagingIntegrationTest {
  protected final MailServer smtp = MailServer.get();
  protected final Upstream upstream = new Upstream();
  @LocalServerPort protected int port;
  protected Api api;
  private final MongoClient mongo = MongoClients.create(SharedInfrastructure.mongoAddress());

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MailServer.get().port());
  }

  @BeforeEach
  void api() {
    api = new Api(port);
    smtp.up();
  }

  @AfterAll
  void closeUpstream() {
    upstream.close();
    mongo.close();
  }

  /** The service's database, for what no API shows (stored documents). */
  protected MongoDatabase database() {
    return mongo.getDatabase(SharedInfrastructureInitializer.DATABASE);
  }

  /** Waits until the service has the participants' current contact details. */
  protected void awaitKnown(Upstream.Person... people) {
    for (Upstream.Person person : people) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                Document doc =
                    database()
                        .getCollection("recipients")
                        .find(Filters.eq("_id", person.id()))
                        .first();
                return doc != null && person.email().equals(doc.getString("email"));
              });
    }
  }
}
