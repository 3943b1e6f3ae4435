package org.penpals.platform.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks tokens.
 *
 * @param publicKey location of the issuer's RSA public key (PEM, X.509), e.g. {@code
 *     file:.penpals/keys/jwt-public.pem}; or
 * @param jwkSetUri the issuer's JWK set (the admin gateway publishes one)
 * @param issuer expected {@code iss} claim
 * @param clockSkew tolerated clock difference for {@code exp}/{@code nbf}
 */
@ConfigurationProperties("penpals.security.jwt")
public record SecurityProperties(
    @Nullable String publicKey, @Nullable String jwkSetUri, String issuer, Duration clockSkew) {

  public SecurityProperties {
    issuer = issuer == null ? "penpals" : issuer;
    clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
  }
}
