package org.penpals.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Kafka health: can the broker be reached at all? Answers from a short-timeout {@code
 * describeCluster}, cached for a few seconds so probes do not hammer the broker.
 */
public final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {
  private static final Duration CACHE = Duration.ofSeconds(3);

  private final Map<String, Object> adminConfig;
  private AdminClient admin;
  private volatile Health last = Health.unknown().build();
  private volatile Instant checkedAt = Instant.MIN;

  public KafkaHealthIndicator(Map<String, Object> adminConfig) {
    this.adminConfig = Map.copyOf(adminConfig);
  }

  @Override
  public synchronized Health health() {
    if (Instant.now().isBefore(checkedAt.plus(CACHE))) {
      return last;
    }
    try {
      if (admin == null) {
        var config = new java.util.HashMap<>(adminConfig);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        admin = AdminClient.create(config);
      }
      int nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
              .nodes()
              .get(2500, TimeUnit.MILLISECONDS)
              .size();
      last = Health.up().withDetail("nodes", nodes).build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      last = Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
    checkedAt = Instant.now();
    return last;
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
    }
  }
}
