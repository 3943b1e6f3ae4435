package org.penpals.gateway.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.staff.StaffRole;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Bearer tokens staff scripts send to the gateway: signed by one of the gateway's keys (the current
 * or one being retired), from the Penpals issuer, unexpired. They become the same {@link
 * StaffPrincipal} a console session has; tokens without a staff role are refused.
 */
public final class StaffTokens {
  private StaffTokens() {}

  public static JwtDecoder decoder(KeyRing keys, String issuer, Duration clockSkew) {
    JWKSource<SecurityContext> source =
        (selector, context) -> selector.select(keys.keys().publicSet());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(clockSkew), new JwtIssuerValidator(issuer)));
    return decoder;
  }

  public static Converter<Jwt, AbstractAuthenticationToken> converter() {
    return jwt -> new StaffAuthentication(principal(jwt));
  }

  static StaffPrincipal principal(Jwt jwt) {
    StaffRole role = role(jwt.getClaimAsString("staff_role"), jwt.getClaimAsStringList("roles"));
    List<String> countries = jwt.getClaimAsStringList("countries");
    if (countries != null && !countries.isEmpty() && role == StaffRole.VIEWER) {
      role = StaffRole.AMBASSADOR;
    }
    if (role == StaffRole.AMBASSADOR && (countries == null || countries.isEmpty())) {
      throw new InvalidBearerTokenException("an ambassador token names no countries");
    }
    String subject = jwt.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new InvalidBearerTokenException("the token has no subject");
    }
    String email = jwt.getClaimAsString("email");
    Instant issued = jwt.getIssuedAt() == null ? Instant.EPOCH : jwt.getIssuedAt();
    return new StaffPrincipal(
        subject,
        email == null ? subject : email.toLowerCase(Locale.ROOT),
        email == null ? subject : email,
        role,
        countries == null ? List.of() : countries,
        "token",
        issued,
        false);
  }

  private static StaffRole role(@Nullable String staffRole, @Nullable List<String> roles) {
    if (staffRole != null) {
      try {
        return StaffRole.valueOf(staffRole);
      } catch (IllegalArgumentException e) {
        throw new InvalidBearerTokenException("unknown staff role " + staffRole);
      }
    }
    List<String> given = roles == null ? List.of() : roles;
    for (StaffRole r : List.of(StaffRole.ADMIN, StaffRole.COORDINATOR, StaffRole.VIEWER)) {
      if (given.contains(r.name())) {
        return r;
      }
    }
    throw new InvalidBearerTokenException("not a staff token");
  }
}
