package org.penpals.platform.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Client timeouts, short so that requests fail fast (and health reports DOWN) instead of hanging
 * while the database is away.
 */
@ConfigurationProperties("penpals.mongodb")
public record MongoTimeouts(Duration serverSelectionTimeout, Duration connectTimeout) {
  public MongoTimeouts {
    serverSelectionTimeout =
        serverSelectionTimeout == null ? Duration.ofSeconds(3) : serverSelectionTimeout;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
  }
}
