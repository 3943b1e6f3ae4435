package org.penpals.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.InvalidInput;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordsTest {

  @Test
  void shouldHashWithArgon2AndStillAcceptOlderBcryptHashes() {
    var encoder = Passwords.encoder();
    String hash = encoder.encode("a long enough password");
    assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
    assertThat(encoder.matches("a long enough password", hash)).isTrue();
    assertThat(encoder.matches("another password", hash)).isFalse();
    String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("a long enough password");
    assertThat(encoder.matches("a long enough password", bcrypt)).isTrue();
    assertThat(encoder.upgradeEncoding(bcrypt)).isTrue();
  }

  @Test
  void shouldMakeOneTimePasswordsOfFiveGroupsThatNeverRepeat() {
    String first = Passwords.oneTimePassword();
    assertThat(first).matches("([a-km-np-z2-9]{4}-){4}[a-km-np-z2-9]{4}");
    assertThat(Passwords.oneTimePassword()).isNotEqualTo(first);
  }

  @Test
  void shouldRefuseShortOrEmailLikePasswords() {
    assertThatThrownBy(() -> Passwords.checkPolicy("short", "maria@x.org"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Passwords.checkPolicy("aaaaaaaaaaaaaaaa", "maria@x.org"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Passwords.checkPolicy("maria-is-my-password", "maria@x.org"))
        .isInstanceOf(InvalidInput.class);
    Passwords.checkPolicy("correct horse battery staple", "maria@x.org");
  }
}
