package org.penpals.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.penpals.platform.domain.Randomness;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints Penpals tokens (RS256) and handles their RSA keys as PEM files. The admin gateway, the
 * local stack's {@code ./penpals token} and the test kit mint with it; services only verify.
 */
public final class Tokens {
  private final NimbusJwtEncoder encoder;
  private final String issuer;
  private final Clock clock;

  public Tokens(KeyPair keys, String issuer, Clock clock) {
    this.encoder =
        NimbusJwtEncoder.withKeyPair(
                (RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())
            .build();
    this.issuer = issuer;
    this.clock = clock;
  }

  /** A token for {@code subject} with {@code roles}, valid for {@code ttl}. */
  public String mint(String subject, Collection<Role> roles, Duration ttl) {
    return mint(subject, roles, ttl, Map.of());
  }

  public String mint(
      String subject, Collection<Role> roles, Duration ttl, Map<String, Object> extraClaims) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject(subject)
            .id(Randomness.uuidString())
            .issuedAt(now)
            .notBefore(now.minusSeconds(1))
            .expiresAt(now.plus(ttl))
            .claim("roles", roles.stream().map(Role::name).toList());
    extraClaims.forEach(claims::claim);
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }

  public static KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code jwt-private.pem} (PKCS#8, owner-only) and {@code jwt-public.pem} (X.509). */
  public static void writePem(KeyPair keys, Path directory) {
    try {
      Files.createDirectories(directory);
      Path privateKey = directory.resolve("jwt-private.pem");
      Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
      try {
        Files.setPosixFilePermissions(
            privateKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.writeString(
          directory.resolve("jwt-public.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the key pair {@link #writePem} wrote. */
  public static KeyPair readPem(Path directory) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      var publicKey =
          rsa.generatePublic(
              new X509EncodedKeySpec(der(Files.readString(directory.resolve("jwt-public.pem")))));
      var privateKey =
          rsa.generatePrivate(
              new PKCS8EncodedKeySpec(der(Files.readString(directory.resolve("jwt-private.pem")))));
      return new KeyPair(publicKey, privateKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("not an RSA key pair in " + directory, e);
    }
  }

  /** Parses an X.509 public key in PEM. */
  public static RSAPublicKey publicKey(String pem) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("not an RSA public key", e);
    }
  }

  public static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] der(String pem) {
    String base64 =
        List.of(pem.split("\n")).stream()
            .filter(line -> !line.startsWith("-----"))
            .map(String::strip)
            .reduce("", String::concat);
    return Base64.getDecoder().decode(base64);
  }
}
