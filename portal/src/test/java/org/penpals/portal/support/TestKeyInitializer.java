package org.penpals.portal.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Hands the per-JVM test key to the portal as its signing key (the PEM itself). */
public class TestKeyInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "testKeys", Map.of("penpals.portal.tokens.private-key", TestKeys.PRIVATE_PEM)));
  }
}
