package org.penpals.registration.participant.application;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens and keyed hashes: single-use verification tokens (only their SHA-256 is stored) and the
 * pseudonymous person key (HMAC-SHA256 of the email under a configured secret).
 */
public final class Secrets {
  private final byte[] personKeySecret;

  public Secrets(String personKeySecret) {
    if (personKeySecret == null || personKeySecret.length() < 16) {
      throw new IllegalStateException(
          "penpals.registration.person-key-secret (PENPALS_PERSON_KEY_SECRET) must be set to at"
              + " least 16 characters");
    }
    this.personKeySecret = personKeySecret.getBytes(StandardCharsets.UTF_8);
  }

  /** A fresh 256-bit token, URL-safe. */
  public String newToken() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(org.penpals.platform.domain.Randomness.bytes(32));
  }

  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same person (email) gets the same key in every cycle. */
  public String personKey(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(personKeySecret, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
