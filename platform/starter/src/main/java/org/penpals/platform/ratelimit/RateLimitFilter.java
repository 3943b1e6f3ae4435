package org.penpals.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.penpals.platform.web.FieldProblem;
import org.penpals.platform.web.ProblemWriter;
import org.penpals.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Token-bucket rate limits per client and rule (Bucket4j), buckets kept in a bounded Caffeine
 * cache. Over the limit: 429 problem with {@code Retry-After}.
 */
public class RateLimitFilter extends OncePerRequestFilter {
  private record CompiledRule(RateLimitProperties.Rule rule, PathPattern pattern) {}

  private final List<CompiledRule> rules;
  private final ProblemWriter problems;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(30)).build();

  public RateLimitFilter(RateLimitProperties properties, ProblemWriter problems) {
    PathPatternParser parser = PathPatternParser.defaultInstance;
    this.rules =
        properties.rules().stream()
            .map(rule -> new CompiledRule(rule, parser.parse(rule.path())))
            .toList();
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return rules.isEmpty();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var path = org.springframework.http.server.PathContainer.parsePath(request.getRequestURI());
    for (CompiledRule compiled : rules) {
      RateLimitProperties.Rule rule = compiled.rule();
      if ((rule.method() == null || rule.method().equalsIgnoreCase(request.getMethod()))
          && compiled.pattern().matches(path)) {
        Bucket bucket =
            buckets.get(rule.name() + "|" + request.getRemoteAddr(), key -> newBucket(rule));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
          long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
          response.setHeader("Retry-After", Long.toString(seconds));
          problems.write(
              request,
              response,
              Problems.problem(
                  HttpStatus.TOO_MANY_REQUESTS,
                  "rate-limited",
                  "Too Many Requests",
                  "Too many requests from this client; try again in " + seconds + " s.",
                  List.of(new FieldProblem("client", "rate limit '" + rule.name() + "' reached"))));
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  private static Bucket newBucket(RateLimitProperties.Rule rule) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(rule.capacity())
                .refillGreedy(rule.capacity(), rule.period())
                .build())
        .build();
  }
}
