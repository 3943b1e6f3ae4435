package org.penpals.gateway.token;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys services verify relayed tokens with, as a JWK set (RFC 7517): point a service's
 * {@code PENPALS_JWK_SET_URI} here. Public and cacheable for a few minutes, so that a rotated key
 * reaches every service well within a token's lifetime.
 */
@RestController
public class JwksController {
  public static final String PATH = "/.well-known/jwks.json";

  private final KeyRing keys;

  public JwksController(KeyRing keys) {
    this.keys = keys;
  }

  @GetMapping(PATH)
  public ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .contentType(MediaType.APPLICATION_JSON)
        .body(keys.keys().publicSet().toJSONObject(true));
  }
}
