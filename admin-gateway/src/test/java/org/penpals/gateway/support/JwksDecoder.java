package org.penpals.gateway.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Decodes tokens the way a service does, from the gateway's published JWK set: one decoder per
 * gateway (it caches the set), with timeouts a busy build machine can meet.
 */
public final class JwksDecoder {
  private static final Map<Integer, JwtDecoder> DECODERS = new ConcurrentHashMap<>();

  private JwksDecoder() {}

  public static JwtDecoder of(int port) {
    return DECODERS.computeIfAbsent(
        port,
        p -> {
          SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
          http.setConnectTimeout(Duration.ofSeconds(5));
          http.setReadTimeout(Duration.ofSeconds(30));
          return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + p + "/.well-known/jwks.json")
              .restOperations(new RestTemplate(http))
              .build();
        });
  }
}
