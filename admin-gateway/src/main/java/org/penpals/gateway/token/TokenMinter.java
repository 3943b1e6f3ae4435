package org.penpals.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.platform.security.Role;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints the short-lived tokens the gateway relays to services (the same shape as the platform's
 * {@code Tokens}: RS256, {@code iss}, {@code sub} = staff id, {@code roles}), plus the key id of
 * the signing key, {@code staff_role}, {@code email} and, for ambassadors, {@code countries}.
 *
 * <p>A token is reused for the same person while more than half of its lifetime is left, so a busy
 * console does not pay an RSA signature per request.
 */
public final class TokenMinter {
  /** A minted token and when it expires. */
  public record Minted(String token, Instant expiresAt) {}

  private final KeyRing keys;
  private final String issuer;
  private final Duration serviceTtl;
  private final Clock clock;
  private final Cache<String, Minted> relayed =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();
  private volatile String signingKid = "";
  private volatile NimbusJwtEncoder encoder;

  public TokenMinter(KeyRing keys, String issuer, Duration serviceTtl, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.serviceTtl = serviceTtl;
    this.clock = clock;
    this.encoder = encoder();
  }

  /** The token for a request relayed to a service on behalf of {@code staff}. */
  public String forService(StaffPrincipal staff) {
    String key =
        staff.staffId()
            + "|"
            + staff.role()
            + "|"
            + String.join(",", staff.countries())
            + "|"
            + staff.email()
            + "|"
            + keys.keys().signing().getKeyID();
    Instant now = clock.instant();
    Minted cached = relayed.getIfPresent(key);
    if (cached != null && cached.expiresAt().isAfter(now.plus(serviceTtl.dividedBy(2)))) {
      return cached.token();
    }
    Minted minted = mint(staff, serviceTtl);
    relayed.put(key, minted);
    return minted.token();
  }

  public Minted mint(StaffPrincipal staff, Duration ttl) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject(staff.staffId())
            .id(UUID.randomUUID().toString())
            .issuedAt(now)
            .notBefore(now.minusSeconds(1))
            .expiresAt(now.plus(ttl))
            .claim("roles", staff.role().serviceRoles().stream().map(Role::name).toList())
            .claim("staff_role", staff.role().name())
            .claim("email", staff.email());
    if (staff.role() == StaffRole.AMBASSADOR) {
      claims.claim("countries", staff.countries());
    }
    NimbusJwtEncoder current = encoder();
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKid).build();
    String token =
        current.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    return new Minted(token, now.plus(ttl));
  }

  private NimbusJwtEncoder encoder() {
    var signing = keys.keys().signing();
    if (!signing.getKeyID().equals(signingKid) || encoder == null) {
      synchronized (this) {
        if (!signing.getKeyID().equals(signingKid) || encoder == null) {
          encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(signing)));
          signingKid = signing.getKeyID();
        }
      }
    }
    return encoder;
  }
}
