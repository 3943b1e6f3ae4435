package org.penpals.portal.services;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.penpals.platform.security.Role;
import org.penpals.platform.security.Tokens;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Mints the short-lived participant tokens the portal calls the services with: RS256, {@code
 * sub}=participant id, {@code roles}=[PARTICIPANT], signed with the stack's private key (the
 * platform's {@link Tokens}). A participant id comes only from the signed-in session.
 */
public class ParticipantTokens {
  private final Tokens tokens;
  private final Duration ttl;
  // a token is reused while at least a minute (or half its life) is left: one RSA signature per
  // participant every few minutes instead of one per service call
  private final Cache<String, String> recent;

  public ParticipantTokens(KeyPair keys, String issuer, Duration ttl, Clock clock) {
    this.tokens = new Tokens(keys, issuer, clock);
    this.ttl = ttl;
    Duration margin =
        ttl.compareTo(Duration.ofMinutes(2)) >= 0 ? Duration.ofMinutes(1) : ttl.dividedBy(2);
    this.recent =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(ttl.minus(margin))
            .ticker(() -> clock.millis() * 1_000_000L)
            .build();
  }

  public Duration ttl() {
    return ttl;
  }

  /** A valid token for the participant (a recent one, or a new one). */
  public String forParticipant(String participantId) {
    return recent.get(participantId, this::mint);
  }

  /** A new token. */
  public String mint(String participantId) {
    return tokens.mint(participantId, List.of(Role.PARTICIPANT), ttl);
  }

  /** Forgets the participant's token (sign-out, erasure). */
  public void forget(String participantId) {
    recent.invalidate(participantId);
  }

  /**
   * The key pair from an RSA private key in PKCS#8 PEM (the public half is derived from it): a
   * resource location ({@code file:...}, {@code classpath:...}) or the PEM text itself.
   */
  public static KeyPair keyPair(String location) {
    String pem = location.startsWith("-----BEGIN") ? location : read(location);
    String base64 =
        pem.lines()
            .filter(line -> !line.startsWith("-----"))
            .map(String::strip)
            .reduce("", String::concat);
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey)
              rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      var publicKey =
          rsa.generatePublic(
              new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return new KeyPair(publicKey, privateKey);
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(
          "PENPALS_JWT_PRIVATE_KEY does not hold an RSA private key in PKCS#8 PEM", e);
    }
  }

  private static String read(String location) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the token private key at "
              + location
              + " (set PENPALS_JWT_PRIVATE_KEY; ./penpals up writes .penpals/keys/jwt-private.pem)",
          e);
    }
  }
}
