package org.penpals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.penpals.platform.security.Tokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TokenCommandTest {
  @TempDir Path keys;
  KeyPair pair;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void keyPair() {
    pair = Tokens.generateKeyPair();
    Tokens.writePem(pair, keys);
  }

  @Test
  void shouldPrintATokenTheServicesAccept() {
    // when
    int exit = cli("token", "coordinator", "--keys", keys.toString(), "--ttl", "10m");

    // then
    assertThat(exit).isZero();
    Jwt jwt = decoder(pair).decode(out.toString(StandardCharsets.UTF_8).strip());
    assertThat(jwt.getSubject()).isEqualTo("local-coordinator");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("COORDINATOR");
    assertThat(jwt.getClaimAsString("iss")).isEqualTo("penpals");
    assertThat(jwt.getExpiresAt())
        .isBetween(
            Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));
  }

  @Test
  void shouldMintAParticipantTokenForTheGivenParticipant() {
    // when
    int exit = cli("token", "PARTICIPANT", "--keys", keys.toString(), "--subject", "p-42");

    // then
    assertThat(exit).isZero();
    Jwt jwt = decoder(pair).decode(out.toString(StandardCharsets.UTF_8).strip());
    assertThat(jwt.getSubject()).isEqualTo("p-42");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PARTICIPANT");
    assertThat(jwt.getExpiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
  }

  @Test
  void shouldRefuseAParticipantTokenWithoutSubject() {
    // when
    int exit = cli("token", "PARTICIPANT", "--keys", keys.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--subject");
  }

  @Test
  void shouldRefuseAnUnknownRole() {
    assertThat(cli("token", "JANITOR", "--keys", keys.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role JANITOR");
  }

  @Test
  void shouldNotBeTrustedWithAnotherKeyPair() {
    // given
    cli("token", "ADMIN", "--keys", keys.toString());
    NimbusJwtDecoder stranger = decoder(Tokens.generateKeyPair());

    // when / then
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> stranger.decode(out.toString(StandardCharsets.UTF_8).strip()))
        .isInstanceOf(JwtException.class);
  }

  @Test
  void shouldFailClearlyWithoutKeys(@TempDir Path empty) {
    assertThat(cli("token", "ADMIN", "--keys", empty.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("keys --dir");
  }

  private int cli(String... args) {
    return PenpalsCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static NimbusJwtDecoder decoder(KeyPair keys) {
    return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
  }
}
