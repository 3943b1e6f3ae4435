package org.penpals.prompt.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.SharedInfrastructureInitializer;
import org.penpals.prompt.PromptApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts further prompt-service instances in the test JVM, on the shared broker and server. */
public final class Instances {
  /** Every consumer binding of the service. */
  public static final List<String> BINDINGS =
      List.of(
          "registrationCycles-in-0",
          "registrationParticipants-in-0",
          "matchingPartnerships-in-0",
          "messagingConversations-in-0",
          "messagingMails-in-0");

  private Instances() {}

  /** Another instance on the shared database, with these properties on top of the test profile. */
  public static ConfigurableApplicationContext start(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(SharedInfrastructureInitializer.properties());
    properties.put("server.port", 0);
    properties.putAll(extra);
    return new SpringApplicationBuilder(PromptApplication.class)
        .profiles("test")
        .run(
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  /**
   * An instance on a database of its own that consumes nothing (it must not take the shared topics'
   * events from the instances on the shared database).
   */
  public static ConfigurableApplicationContext onOwnDatabase(
      String database, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(extra);
    properties.put("spring.mongodb.uri", SharedInfrastructure.mongoAddress() + "/" + database);
    for (String binding : BINDINGS) {
      properties.put("spring.cloud.stream.bindings." + binding + ".consumer.auto-startup", "false");
    }
    return start(properties);
  }
}
