package org.penpals.platform.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code penpals-platform-defaults.properties} as the lowest-precedence property source, so
 * every service starts with the same safe operational defaults and may override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {
  static final String NAME = "penpalsPlatformDefaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(NAME)) {
      return;
    }
    try {
      environment
          .getPropertySources()
          .addLast(
              new ResourcePropertySource(
                  NAME, new ClassPathResource("penpals-platform-defaults.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
