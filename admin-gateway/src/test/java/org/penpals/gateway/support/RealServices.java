package org.penpals.gateway.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.testkit.SharedInfrastructure;

/**
 * The real registration, matching, prompt and messaging services behind the gateway in the browser
 * test: each from its executable jar (resolved by Maven, see the module's pom) in its own JVM, on
 * the test JVM's Kafka broker and MongoDB-wire server, trusting the gateway's published JWK set —
 * nothing else; messaging delivers to a GreenMail SMTP server in the test JVM. Started once per
 * test JVM; stopped when it exits.
 */
public final class RealServices {
  private static @Nullable RealServices instance;

  private final int gatewayPort;
  private final ServiceProcess registration;
  private final ServiceProcess matching;
  private final ServiceProcess prompt;
  private final ServiceProcess messaging;
  private final GreenMail mail;

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
    this.mail = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    GreenMail started = mail;
    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
    this.messaging =
        ServiceProcess.start(
            "messaging-service",
            jar("penpals.messaging.jar"),
            ServiceProcess.freePort(),
            with(
                common,
                "MONGODB_URI",
                SharedInfrastructure.mongoAddress() + "/penpals-messaging-browser",
                "SMTP_HOST",
                "127.0.0.1",
                "SMTP_PORT",
                Integer.toString(mail.getSmtp().getPort()),
                "ANNOUNCEMENT_INTERVAL",
                "1s",
                "MAIL_SWEEP_INTERVAL",
                "2s"),
            work.resolve("messaging"));
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
    messaging.awaitReady(timeout);
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

  public ServiceProcess messaging() {
    return messaging;
  }

  /** The SMTP server messaging delivers to. */
  public GreenMail mail() {
    return mail;
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
