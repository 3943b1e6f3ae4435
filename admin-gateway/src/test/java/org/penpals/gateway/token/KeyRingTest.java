package org.penpals.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.platform.security.Tokens;

class KeyRingTest {
  @TempDir Path keys;

  @Test
  void shouldRefuseToStartWithoutAKeyPair() {
    assertThatThrownBy(() -> new KeyRing(keys))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jwt-private.pem");
  }

  @Test
  void shouldSignWithTheNewKeyAfterRotationAndStillAcceptTheRetiredOne() throws IOException {
    // given a gateway signing with a first key
    Tokens.writePem(Tokens.generateKeyPair(), keys);
    KeyRing ring = new KeyRing(keys);
    String oldKid = ring.keys().signing().getKeyID();
    TokenMinter minter = new TokenMinter(ring, "penpals", Duration.ofMinutes(5), Clock.systemUTC());
    String oldToken = minter.mint(ambassador(), Duration.ofMinutes(5)).token();

    // when the pair is replaced and the old public key kept as a retired one
    Files.move(keys.resolve("jwt-public.pem"), keys.resolve("jwt-public-2026-11.pem"));
    Tokens.writePem(Tokens.generateKeyPair(), keys);
    Files.setLastModifiedTime(
        keys.resolve("jwt-private.pem"), FileTime.from(Instant.now().plusSeconds(5)));
    boolean changed = ring.reloadIfChanged();

    // then tokens are signed with the new key, both keys are published, and both verify
    assertThat(changed).isTrue();
    String newKid = ring.keys().signing().getKeyID();
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(ring.keys().publicSet().getKeys())
        .extracting(k -> k.getKeyID())
        .containsExactlyInAnyOrder(oldKid, newKid);
    var decoder = StaffTokens.decoder(ring, "penpals", Duration.ofSeconds(30));
    String newToken = minter.mint(ambassador(), Duration.ofMinutes(5)).token();
    assertThat(decoder.decode(oldToken).getClaimAsStringList("countries")).containsExactly("BG");
    assertThat(decoder.decode(newToken).getSubject()).isEqualTo("st-1");
    assertThat(ring.reloadIfChanged()).isFalse();
  }

  private static StaffPrincipal ambassador() {
    return new StaffPrincipal(
        "st-1",
        "a@x.org",
        "A",
        StaffRole.AMBASSADOR,
        List.of("bg"),
        "password",
        Instant.now(),
        false);
  }
}
