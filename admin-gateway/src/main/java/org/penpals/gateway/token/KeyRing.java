package org.penpals.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.penpals.platform.security.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's token keys, read from a directory: {@code jwt-private.pem} with {@code
 * jwt-public.pem} sign (the local stack's pair, which its services also trust as a PEM), and every
 * further {@code jwt-public-*.pem} is a key being retired: still published and still accepted, no
 * longer used to sign.
 *
 * <p>Rotation: write the new pair, keep the old public key as {@code jwt-public-<date>.pem}; the
 * gateway picks the change up within {@link #reloadIfChanged a check interval}; services that read
 * the JWK set fetch it again when they meet the new key id; remove the old file once no token
 * signed with it can still be alive (the tokens' lifetime).
 */
public final class KeyRing {
  private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

  /** The keys as read at one moment. */
  public record Keys(RSAKey signing, List<RSAKey> verifying, String fingerprint) {
    public JWKSet publicSet() {
      return new JWKSet(verifying.stream().<JWK>map(RSAKey::toPublicJWK).toList());
    }
  }

  private final Path directory;
  private volatile Keys keys;

  public KeyRing(Path directory) {
    this.directory = directory;
    this.keys = load(directory);
    log.info(
        "token keys from {}: signing with {}, {} key(s) published",
        directory,
        keys.signing().getKeyID(),
        keys.verifying().size());
  }

  public Keys keys() {
    return keys;
  }

  /** Reads the directory again if its files changed; returns whether the keys changed. */
  public boolean reloadIfChanged() {
    String now = fingerprint(directory);
    if (now.equals(keys.fingerprint())) {
      return false;
    }
    try {
      Keys fresh = load(directory);
      keys = fresh;
      log.info("token keys reloaded: signing with {}", fresh.signing().getKeyID());
      return true;
    } catch (RuntimeException e) {
      log.warn(
          "token keys in {} changed but cannot be read; keeping the previous ones", directory, e);
      return false;
    }
  }

  static Keys load(Path directory) {
    Path privateKey = directory.resolve("jwt-private.pem");
    Path publicKey = directory.resolve("jwt-public.pem");
    if (!Files.isReadable(privateKey) || !Files.isReadable(publicKey)) {
      throw new IllegalStateException(
          "No token key pair in "
              + directory.toAbsolutePath()
              + ": the gateway needs jwt-private.pem (PKCS#8) and jwt-public.pem (X.509) there."
              + " The local stack makes them on ./penpals up; in production mount a secret and set"
              + " PENPALS_KEYS_DIR.");
    }
    String fingerprint = fingerprint(directory);
    KeyPair pair = Tokens.readPem(directory);
    RSAKey signing =
        withThumbprint(
            new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate()));
    List<RSAKey> verifying = new ArrayList<>();
    verifying.add(signing);
    for (Path retired : retiredKeys(directory)) {
      try {
        RSAPublicKey key = Tokens.publicKey(Files.readString(retired));
        RSAKey jwk = withThumbprint(new RSAKey.Builder(key));
        if (verifying.stream().noneMatch(k -> k.getKeyID().equals(jwk.getKeyID()))) {
          verifying.add(jwk);
        }
      } catch (IOException | RuntimeException e) {
        log.warn("ignoring {}: not an RSA public key in PEM", retired, e);
      }
    }
    return new Keys(signing, List.copyOf(verifying), fingerprint);
  }

  private static RSAKey withThumbprint(RSAKey.Builder builder) {
    try {
      RSAKey key = builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
      return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> retiredKeys(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().matches("jwt-public-.+\\.pem"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fingerprint(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().matches("jwt-(private|public)(-.+)?\\.pem"))
          .sorted()
          .map(
              p -> {
                try {
                  return p.getFileName()
                      + ":"
                      + Files.getLastModifiedTime(p).toMillis()
                      + ":"
                      + Files.size(p);
                } catch (IOException e) {
                  return p.getFileName() + ":?";
                }
              })
          .reduce("", (a, b) -> a + "|" + b);
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
