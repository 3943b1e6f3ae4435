package org.penpals.gateway.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Sign-in attempts per client address and minute (a token bucket per address, in a bounded cache).
 * Lock-out protects each account; this keeps one client from trying many accounts.
 */
public class SignInRateLimiter {
  private final int perMinute;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  public SignInRateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  public boolean tryAcquire(String client) {
    return buckets
        .get(
            client,
            c ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perMinute)
                            .refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build())
        .tryConsume(1);
  }
}
