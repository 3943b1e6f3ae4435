package org.penpals.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 appendix B test vectors (SHA-1, eight digits) and the verification rules. */
class TotpTest {
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void shouldComputeTheRfc6238TestVectors(long seconds, String expected) {
    long step = Totp.step(Instant.ofEpochSecond(seconds));
    assertThat(Totp.code(RFC_KEY, step, "HmacSHA1", 8)).isEqualTo(expected);
  }

  @Test
  void shouldAcceptTheCurrentCodeAndOneStepOfDriftButNoMore() {
    // given a secret and a moment
    String secret = new Base32().encodeToString(RFC_KEY);
    Instant now = Instant.ofEpochSecond(1_111_111_111);
    long step = Totp.step(now);

    // then codes of this step and its neighbours match, farther ones and junk do not
    assertThat(Totp.verify(secret, Totp.code(secret, step), now, 1)).hasValue(step);
    assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, 1)).hasValue(step - 1);
    assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, 1)).hasValue(step + 1);
    assertThat(Totp.verify(secret, Totp.code(secret, step + 2), now, 1)).isEmpty();
    assertThat(Totp.verify(secret, "12345", now, 1)).isEmpty();
    assertThat(Totp.verify(secret, "abcdef", now, 1)).isEmpty();
  }

  @Test
  void shouldMakeAnOtpauthUriAuthenticatorAppsRead() {
    String uri = Totp.uri("Penpals", "maria@library.example", "JBSWY3DPEHPK3PXP");
    assertThat(uri)
        .startsWith("otpauth://totp/Penpals:maria%40library.example?secret=JBSWY3DPEHPK3PXP")
        .contains("issuer=Penpals", "digits=6", "period=30");
    assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
  }
}
