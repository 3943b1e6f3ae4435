package org.penpals.gateway.staff;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, six
 * digits — what every authenticator app reads from an {@code otpauth://} URI.
 */
public final class Totp {
  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new secret of 160 bits (RFC 4226's recommendation), Base32 without padding. */
  public static String newSecret() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return new Base32().encodeToString(key).replace("=", "");
  }

  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for a time step: RFC 4226 dynamic truncation of HMAC(key, step). */
  public static String code(byte[] key, long step, String hmacAlgorithm, int digits) {
    try {
      Mac mac = Mac.getInstance(hmacAlgorithm);
      mac.init(new SecretKeySpec(key, hmacAlgorithm));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int otp = binary % (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", otp);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String code(String base32Secret, long step) {
    return code(decode(base32Secret), step, "HmacSHA1", DIGITS);
  }

  /**
   * The time step whose code {@code code} is, looking {@code window} steps either side of {@code
   * now} (clock drift between phone and server); empty when none matches. Compares in constant
   * time.
   */
  public static OptionalLong verify(String base32Secret, String code, Instant now, int window) {
    String digits = code.replaceAll("\\s", "");
    if (!digits.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] key = decode(base32Secret);
    long current = step(now);
    OptionalLong found = OptionalLong.empty();
    for (long s = current - window; s <= current + window; s++) {
      boolean same =
          MessageDigest.isEqual(
              code(key, s, "HmacSHA1", DIGITS).getBytes(StandardCharsets.US_ASCII),
              digits.getBytes(StandardCharsets.US_ASCII));
      if (same && found.isEmpty()) {
        found = OptionalLong.of(s);
      }
    }
    return found;
  }

  /** The {@code otpauth://} URI authenticator apps read (as a QR code or typed in). */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] decode(String base32) {
    return new Base32().decode(base32.toUpperCase(Locale.ROOT));
  }
}
