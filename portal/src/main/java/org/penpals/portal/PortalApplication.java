package org.penpals.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The participant portal: server-rendered pages in front of the services' participant APIs.
 *
 * <p>The platform's two auto-configurations are left out on purpose: the portal has sessions, CSRF
 * and its own sign-in (its own security chain), and neither a database nor Kafka; it takes the
 * platform's {@code Tokens} and {@code Role} only (ADR 0010).
 */
@SpringBootApplication(
    excludeName = {
      "org.penpals.platform.autoconfigure.PlatformAutoConfiguration",
      "org.penpals.platform.security.SecurityAutoConfiguration",
      // no user store: participants sign in by emailed link (no generated default password)
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
    })
@ConfigurationPropertiesScan
public class PortalApplication {
  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }
}
