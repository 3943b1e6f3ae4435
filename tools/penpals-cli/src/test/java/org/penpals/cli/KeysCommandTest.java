package org.penpals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.penpals.platform.security.Tokens;

class KeysCommandTest {
  @TempDir Path home;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void shouldCreateAnOwnerOnlyKeyPairAndPersonKeySecret() throws Exception {
    // given
    Path dir = home.resolve("keys");

    // when
    int exit = keys(dir);

    // then
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("keys: created");
    assertThat(Tokens.readPem(dir).getPublic().getAlgorithm()).isEqualTo("RSA");
    byte[] secret =
        Base64.getDecoder().decode(Files.readString(dir.resolve("person-key-secret")).strip());
    assertThat(secret).hasSize(32);
    for (String file : new String[] {"jwt-private.pem", "jwt-public.pem", "person-key-secret"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
  }

  @Test
  void shouldKeepExistingKeysAndSecret() throws Exception {
    // given
    Path dir = home.resolve("keys");
    keys(dir);
    String privateKey = Files.readString(dir.resolve("jwt-private.pem"));
    String secret = Files.readString(dir.resolve("person-key-secret"));
    out.reset();

    // when
    int exit = keys(dir);

    // then
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("keys: kept");
    assertThat(Files.readString(dir.resolve("jwt-private.pem"))).isEqualTo(privateKey);
    assertThat(Files.readString(dir.resolve("person-key-secret"))).isEqualTo(secret);
  }

  @Test
  void shouldRefuseToPairAPrivateKeyWithANewPublicOne() throws Exception {
    // given: half a key pair
    Path dir = home.resolve("keys");
    keys(dir);
    Files.delete(dir.resolve("jwt-public.pem"));

    // when / then
    assertThat(keys(dir)).isEqualTo(1);
    assertThat(dir.resolve("jwt-public.pem")).doesNotExist();
  }

  private int keys(Path dir) {
    return PenpalsCli.run(
        new String[] {"keys", "--dir", dir.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
