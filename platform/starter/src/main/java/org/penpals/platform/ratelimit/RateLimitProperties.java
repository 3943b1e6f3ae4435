package org.penpals.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client rate limits, e.g.
 *
 * <pre>
 * penpals.rate-limits.rules:
 *   - name: apply
 *     method: POST
 *     path: /api/registration/cycles/{cycleId}/applications
 *     capacity: 20
 *     period: 1m
 * </pre>
 *
 * A client is its remote address (the real one behind trusted proxies: {@code
 * server.forward-headers-strategy}).
 */
@ConfigurationProperties("penpals.rate-limits")
public record RateLimitProperties(List<Rule> rules) {
  public RateLimitProperties {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /**
   * @param name shown in metrics and logs
   * @param method HTTP method, or null for any
   * @param path a Spring path pattern
   * @param capacity requests allowed per period (also the burst)
   * @param period refill period
   */
  public record Rule(String name, String method, String path, long capacity, Duration period) {}
}
