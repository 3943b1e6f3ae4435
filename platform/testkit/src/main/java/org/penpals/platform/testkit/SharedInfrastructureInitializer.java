package org.penpals.platform.testkit;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared broker, database and token key. Every context gets the same
 * values, so Spring's test-context cache can reuse contexts across test classes.
 */
public class SharedInfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** Database name of the shared server that integration tests use. */
  public static final String DATABASE = "penpals-test";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("penpalsTestInfrastructure", properties()));
  }

  public static Map<String, Object> properties() {
    return Map.of(
        "spring.kafka.bootstrap-servers",
        SharedInfrastructure.kafkaBootstrapServers(),
        "spring.mongodb.uri",
        SharedInfrastructure.mongoAddress() + "/" + DATABASE,
        "penpals.security.jwt.public-key",
        SharedInfrastructure.publicKeyLocation(),
        "spring.kafka.consumer.auto-offset-reset",
        "earliest");
  }
}
