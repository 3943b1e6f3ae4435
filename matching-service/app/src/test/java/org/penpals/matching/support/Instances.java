package org.penpals.matching.support;

import java.util.HashMap;
import java.util.Map;
import org.penpals.matching.MatchingApplication;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.SharedInfrastructureInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts matching-service instances of their own on the shared broker and database server: a
 * database and consumer group no other test context uses, so that only these instances (and not the
 * test contexts Spring keeps cached) see and work their data.
 */
public final class Instances {
  private final String database;
  private final String group;

  /** Instances sharing a fresh database and consumer group, named after {@code name}. */
  public Instances(String name) {
    String suffix = name + "-" + Long.toHexString(System.nanoTime());
    this.database = "penpals-test-" + suffix;
    this.group = "matching-" + suffix;
  }

  /** Starts one more instance; {@code rematchJob} false leaves the queue to the test. */
  public ConfigurableApplicationContext start(boolean rematchJob) {
    Map<String, Object> properties = new HashMap<>(SharedInfrastructureInitializer.properties());
    properties.put("spring.mongodb.uri", SharedInfrastructure.mongoAddress() + "/" + database);
    properties.put("server.port", 0);
    properties.put("penpals.matching.rematch.enabled", rematchJob);
    // disabled, the job need not even take its lease
    properties.put("penpals.matching.rematch.interval", rematchJob ? "200ms" : "1h");
    for (String binding :
        new String[] {"registrationCycles", "registrationParticipants", "promptEngagement"}) {
      properties.put("spring.cloud.stream.bindings." + binding + "-in-0.group", group);
    }
    return new SpringApplicationBuilder(MatchingApplication.class)
        .profiles("test")
        .run(
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
