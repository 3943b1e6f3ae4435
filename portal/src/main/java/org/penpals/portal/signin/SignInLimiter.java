package org.penpals.portal.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;

/**
 * Limits on asking for sign-in links, kept in memory: per client address (over it the page says
 * "try later") and per email address (over it the request is dropped silently, so that the answer
 * never differs between registered and unknown addresses). The registration service limits them
 * again on its side.
 */
public class SignInLimiter {
  private final long perClient;
  private final long perEmail;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(2)).build();

  public SignInLimiter(long perClientPerHour, long perEmailPerHour) {
    this.perClient = perClientPerHour;
    this.perEmail = perEmailPerHour;
  }

  public boolean clientAllowed(String address) {
    return buckets.get("client|" + address, k -> bucket(perClient)).tryConsume(1);
  }

  public boolean emailAllowed(String email) {
    return buckets
        .get("email|" + email.strip().toLowerCase(Locale.ROOT), k -> bucket(perEmail))
        .tryConsume(1);
  }

  private static Bucket bucket(long perHour) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perHour)
                .refillGreedy(perHour, Duration.ofHours(1))
                .build())
        .build();
  }
}
