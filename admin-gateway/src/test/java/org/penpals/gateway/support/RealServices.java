package org.penpals.gateway.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.testkit.SharedInfrastructure;

/**
 * The real registration, matching and prompt services behind the gateway in the browser test: each
 * from its executable jar (resolved by Maven, see the module's pom) in its own JVM, on the test
 * JVM's Kafka broker and MongoDB-wire server, trusting the gateway's published JWK set — nothing
 * else. Started once per test JVM; stopped when it exits.
 */
public final class RealServices {
  private static @Nullable RealServices instance;

  private final int gatewayPort;
  private final ServiceProcess registration;
  private final ServiceProcess matching;
  private final ServiceProcess prompt;

  private RealServices(int gatewayPort) {
    this.gatewayPort = gatewayPort;
    Path work = Path.of(property("penpals.browser.work", "target/browser-it")).toAbsolutePath();
    Map<String, String> common =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS",
            SharedInfrastructure.kafkaBootstrapServers(),
            "PENPALS_JWK_SET_URI",
            gatewayUrl() + "/.well-known/jwks.json",
            "PENPALS_JWT_PUBLIC_KEY",
            "",
            "OUTBOX_SWEEP_INTERVAL",
            "1s");
    this.registration =
        ServiceProcess.start(
            "registration-service",
            jar("penpals.registration.jar"),
            ServiceProcess.freePort(),
            with(
                common,
                "MONGODB_URI",
                SharedInfrastructure.mongoAddress() + "/penpals-registration-browser",
                "PENPALS_PERSON_KEY_SECRET",
                "browser-test-person-key-secret-0123456789"),
            work.resolve("registration"));
    this.matching =
        ServiceProcess.start(
            "matching-service",
            jar("penpals.matching.jar"),
            ServiceProcess.freePort(),
            with(
                common,
                "MONGODB_URI",
                SharedInfrastructure.mongoAddress() + "/penpals-matching-browser"),
            work.resolve("matching"));
    this.prompt =
        ServiceProcess.start(
            "prompt-service",
            jar("penpals.prompt.jar"),
            ServiceProcess.freePort(),
            with(
                common,
                "MONGODB_URI",
                SharedInfrastructure.mongoAddress() + "/penpals-prompt-browser",
                "PROMPTS_CLOCK_MODE",
                "demo"),
            work.resolve("prompt"));
  }

  /**
   * Starts the services (once per JVM; {@link EarlyServices} does it as the test run begins) for a
   * gateway that is to listen on {@link #gatewayPort()}; returns without waiting for them.
   */
  public static synchronized RealServices start() {
    if (instance == null) {
      instance = new RealServices(ServiceProcess.freePort());
    }
    return instance;
  }

  public int gatewayPort() {
    return gatewayPort;
  }

  public void awaitReady(Duration timeout) {
    registration.awaitReady(timeout);
    matching.awaitReady(timeout);
    prompt.awaitReady(timeout);
  }

  public String gatewayUrl() {
    return "http://localhost:" + gatewayPort;
  }

  public ServiceProcess registration() {
    return registration;
  }

  public ServiceProcess matching() {
    return matching;
  }

  public ServiceProcess prompt() {
    return prompt;
  }

  private static Path jar(String property) {
    String location = System.getProperty(property);
    if (location == null || location.isBlank() || location.startsWith("${")) {
      throw new IllegalStateException(
          "System property "
              + property
              + " names no jar: run the browser test through Maven (failsafe sets it)");
    }
    return Path.of(location);
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Map<String, String> with(Map<String, String> base, String... more) {
    java.util.Map<String, String> all = new java.util.HashMap<>(base);
    for (int i = 0; i < more.length; i += 2) {
      all.put(more[i], more[i + 1]);
    }
    return all;
  }
}
