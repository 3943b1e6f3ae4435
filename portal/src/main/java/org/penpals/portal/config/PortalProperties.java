package org.penpals.portal.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's settings, every one from the environment with a local default (application.yml).
 *
 * @param publicUrl where participants reach the portal (links in mail point here)
 * @param services base URLs of the services it calls
 * @param tokens how it mints participant tokens
 * @param calls time-outs of service calls
 * @param signIn limits on requesting sign-in links
 */
@ConfigurationProperties("penpals.portal")
public record PortalProperties(
    URI publicUrl, Services services, Tokens tokens, Calls calls, SignIn signIn) {

  public record Services(URI registration, URI matching, URI prompts, URI messaging) {}

  /**
   * @param privateKey the RSA private key (PKCS#8 PEM) location, e.g. {@code
   *     file:.penpals/keys/jwt-private.pem}, or the PEM itself
   * @param issuer the {@code iss} claim the services expect
   * @param ttl lifetime of a minted token
   */
  public record Tokens(String privateKey, String issuer, Duration ttl) {}

  public record Calls(Duration connectTimeout, Duration readTimeout) {}

  /**
   * @param perClientPerHour sign-in link requests one client (address) may make per hour
   * @param perEmailPerHour requests per email address per hour (silently ignored above)
   */
  public record SignIn(long perClientPerHour, long perEmailPerHour) {}
}
