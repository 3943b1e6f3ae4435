package org.penpals.gateway.staff;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing (Argon2id, Spring Security's current parameters; bcrypt hashes still verify and
 * are upgraded at the next sign-in), the password policy and one-time passwords.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  // no 0/O, 1/l/I: read aloud or copied from a terminal without mistakes; 32 symbols = 5 bits each
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  public static PasswordEncoder encoder() {
    String id = "argon2@SpringSecurity_v5_8";
    DelegatingPasswordEncoder encoder =
        new DelegatingPasswordEncoder(
            id,
            Map.of(
                id,
                Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt",
                new BCryptPasswordEncoder()));
    return encoder;
  }

  /** A one-time password of 100 random bits, as five groups of four: {@code abcd-efgh-...}. */
  public static String oneTimePassword() {
    StringBuilder out = new StringBuilder(24);
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 4 == 0) {
        out.append('-');
      }
      out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return out.toString();
  }

  /** Rejects passwords staff should not choose, naming the rule broken. */
  public static void checkPolicy(@Nullable String password, String email) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw InvalidInput.of("password", "must have at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw InvalidInput.of("password", "must have at most " + MAX_LENGTH + " characters");
    }
    if (password.chars().distinct().count() < 5) {
      throw InvalidInput.of("password", "must use at least 5 different characters");
    }
    String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
    if (local.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(local)) {
      throw InvalidInput.of("password", "must not contain your email address");
    }
  }
}
