package org.penpals.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.penpals.platform.web.ProblemWriter;
import org.penpals.platform.web.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every service is an OAuth2 resource server: stateless, bearer JWTs signed by the Penpals issuer
 * (RS256), roles from the {@code roles} claim, 401/403 answered as problems. A service adds its URL
 * rules as an {@link AuthorizationRules} bean; whatever no rule names is denied.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder penpalsJwtDecoder(SecurityProperties properties) {
    NimbusJwtDecoder decoder;
    if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
      decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
    } else if (properties.publicKey() != null && !properties.publicKey().isBlank()) {
      decoder =
          NimbusJwtDecoder.withPublicKey(Tokens.publicKey(read(properties.publicKey()))).build();
    } else {
      throw new IllegalStateException(
          "Set penpals.security.jwt.public-key (PENPALS_JWT_PUBLIC_KEY) or"
              + " penpals.security.jwt.jwk-set-uri: the service cannot check tokens without it.");
    }
    OAuth2TokenValidator<Jwt> validator =
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtIssuerValidator(properties.issuer()));
    decoder.setJwtValidator(validator);
    return decoder;
  }

  private static String read(String location) {
    if (location.startsWith("-----BEGIN")) {
      return location;
    }
    Resource resource = new DefaultResourceLoader().getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the token public key at " + location, e);
    }
  }

  /** {@code roles: ["COORDINATOR"]} becomes the authority {@code ROLE_COORDINATOR}. */
  static Converter<Jwt, AbstractAuthenticationToken> rolesConverter() {
    return jwt -> {
      List<String> roles = jwt.getClaimAsStringList("roles");
      Collection<GrantedAuthority> authorities =
          roles == null
              ? List.of()
              : roles.stream()
                  .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                  .toList();
      return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    };
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain penpalsSecurityFilterChain(
      HttpSecurity http, JwtDecoder decoder, List<AuthorizationRules> rules, ProblemWriter problems)
      throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Bearer");
          problems.write(
              request,
              response,
              Problems.problem(
                  HttpStatus.UNAUTHORIZED,
                  "unauthorized",
                  "Unauthorized",
                  "A valid bearer token is required.",
                  List.of()));
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            problems.write(
                request,
                response,
                Problems.problem(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Forbidden",
                    "You are not allowed to do this.",
                    List.of()));
    http.csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesConverter()))
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .authorizeHttpRequests(
            authorize -> {
              authorize
                  .requestMatchers(
                      "/actuator/health",
                      "/actuator/health/**",
                      "/actuator/info",
                      "/actuator/prometheus",
                      "/v3/api-docs",
                      "/v3/api-docs/**",
                      "/swagger-ui.html",
                      "/swagger-ui/**",
                      "/error")
                  .permitAll();
              rules.forEach(rule -> rule.configure(authorize));
              authorize.anyRequest().denyAll();
            });
    return http.build();
  }
}
