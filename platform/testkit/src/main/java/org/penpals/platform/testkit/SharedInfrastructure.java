package org.penpals.platform.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import org.penpals.platform.security.Tokens;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One Kafka broker, one MongoDB-wire server and one token key pair per test JVM, started on first
 * use and stopped when the JVM exits. Every test class and every Spring context shares them.
 */
public final class SharedInfrastructure {
  private static EmbeddedKafkaKraftBroker kafka;
  private static MongoServer mongo;
  private static String mongoAddress;
  private static KeyPair keys;
  private static Path keyDirectory;

  private SharedInfrastructure() {}

  /** {@code host:port} of the shared Kafka broker. */
  public static synchronized String kafkaBootstrapServers() {
    if (kafka == null) {
      EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
      broker.brokerProperties(
          Map.of(
              "auto.create.topics.enable", "true",
              "num.partitions", "2",
              "group.initial.rebalance.delay.ms", "0",
              "transaction.state.log.replication.factor", "1",
              "offsets.topic.replication.factor", "1",
              "log.dir", tempDir("kafka").toString()));
      broker.afterPropertiesSet();
      kafka = broker;
      Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-stop"));
    }
    return kafka.getBrokersAsString();
  }

  public static synchronized EmbeddedKafkaKraftBroker kafka() {
    kafkaBootstrapServers();
    return kafka;
  }

  /** {@code mongodb://host:port} of the shared MongoDB-wire server (no database). */
  public static synchronized String mongoAddress() {
    if (mongo == null) {
      mongo = new MongoServer(new MemoryBackend());
      mongo.bind("127.0.0.1", 0);
      InetSocketAddress address = mongo.getLocalAddress();
      mongoAddress = "mongodb://127.0.0.1:" + address.getPort();
      MongoServer server = mongo;
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-stop"));
    }
    return mongoAddress;
  }

  /** The key pair the tests' issuer signs with. */
  public static synchronized KeyPair keys() {
    if (keys == null) {
      keys = Tokens.generateKeyPair();
      keyDirectory = tempDir("keys");
      Tokens.writePem(keys, keyDirectory);
    }
    return keys;
  }

  /** {@code file:} location of the public key, for {@code penpals.security.jwt.public-key}. */
  public static synchronized String publicKeyLocation() {
    keys();
    return keyDirectory.resolve("jwt-public.pem").toUri().toString();
  }

  public static Tokens tokens() {
    return new Tokens(keys(), "penpals", Clock.systemUTC());
  }

  private static Path tempDir(String name) {
    try {
      Path dir = Files.createTempDirectory("penpals-test-" + name);
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
