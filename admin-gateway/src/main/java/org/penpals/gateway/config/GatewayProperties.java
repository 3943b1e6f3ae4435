package org.penpals.gateway.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's settings ({@code penpals.gateway.*}).
 *
 * @param services name → base URL of each service behind the gateway; the route {@code
 *     /api/NAME/**} goes to that URL
 * @param keys where the token key pair lives and how long minted tokens live
 * @param signIn lock-out, rate limits and session lifetimes of sign-in
 * @param publicUrl the address staff open in a browser (printed by {@code admin create}, used in
 *     the TOTP issuer label)
 */
@ConfigurationProperties("penpals.gateway")
public record GatewayProperties(
    Map<String, String> services, Keys keys, SignIn signIn, @Nullable String publicUrl) {

  public GatewayProperties {
    services = services == null ? Map.of() : new LinkedHashMap<>(services);
    keys = keys == null ? new Keys(null, null, null, null) : keys;
    signIn = signIn == null ? new SignIn(0, null, 0, null, null, null) : signIn;
  }

  /**
   * @param dir directory with {@code jwt-private.pem} (signs) and {@code jwt-public*.pem} (every
   *     key services may still see: the current one and those being retired)
   * @param issuer {@code iss} of minted tokens
   * @param serviceTokenTtl lifetime of the tokens relayed to services
   * @param apiTokenTtl lifetime of the tokens staff fetch for scripts
   */
  public record Keys(
      @Nullable String dir,
      @Nullable String issuer,
      @Nullable Duration serviceTokenTtl,
      @Nullable Duration apiTokenTtl) {
    public Keys {
      issuer = issuer == null ? "penpals" : issuer;
      serviceTokenTtl = serviceTokenTtl == null ? Duration.ofMinutes(5) : serviceTokenTtl;
      apiTokenTtl = apiTokenTtl == null ? Duration.ofMinutes(15) : apiTokenTtl;
    }
  }

  /**
   * @param maxFailures consecutive failed sign-ins (password or second factor) that lock an email
   * @param lockout how long a locked email stays locked
   * @param attemptsPerMinute sign-in attempts allowed per client address and minute
   * @param sessionIdle idle time after which a console session ends
   * @param sessionMax absolute lifetime of a console session
   * @param oneTimePasswordTtl how long a one-time password from {@code admin create} or a reset
   *     works
   */
  public record SignIn(
      int maxFailures,
      @Nullable Duration lockout,
      int attemptsPerMinute,
      @Nullable Duration sessionIdle,
      @Nullable Duration sessionMax,
      @Nullable Duration oneTimePasswordTtl) {
    public SignIn {
      maxFailures = maxFailures <= 0 ? 5 : maxFailures;
      lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
      attemptsPerMinute = attemptsPerMinute <= 0 ? 20 : attemptsPerMinute;
      sessionIdle = sessionIdle == null ? Duration.ofMinutes(30) : sessionIdle;
      sessionMax = sessionMax == null ? Duration.ofHours(12) : sessionMax;
      oneTimePasswordTtl = oneTimePasswordTtl == null ? Duration.ofDays(1) : oneTimePasswordTtl;
    }
  }
}
