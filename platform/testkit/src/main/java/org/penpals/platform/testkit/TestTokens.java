package org.penpals.platform.testkit;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.penpals.platform.security.Role;
import org.penpals.platform.security.Tokens;

/** Bearer tokens for tests, signed with the test JVM's key unless said otherwise. */
public final class TestTokens {
  private static final KeyPair STRANGER = Tokens.generateKeyPair();

  private TestTokens() {}

  public static String staff(Role role) {
    return SharedInfrastructure.tokens()
        .mint("staff-" + role.name().toLowerCase(), List.of(role), Duration.ofMinutes(10));
  }

  public static String participant(String participantId) {
    return SharedInfrastructure.tokens()
        .mint(participantId, List.of(Role.PARTICIPANT), Duration.ofMinutes(10));
  }

  public static String withClaims(String subject, List<Role> roles, Map<String, Object> claims) {
    return SharedInfrastructure.tokens().mint(subject, roles, Duration.ofMinutes(10), claims);
  }

  /** Signed by the right key, expired an hour ago. */
  public static String expired(Role role) {
    Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    return new Tokens(SharedInfrastructure.keys(), "penpals", twoHoursAgo)
        .mint("staff-expired", List.of(role), Duration.ofHours(1));
  }

  /** Well-formed and unexpired, but signed by a key the services do not trust. */
  public static String signedByStranger(Role role) {
    return new Tokens(STRANGER, "penpals", Clock.systemUTC())
        .mint("staff-stranger", List.of(role), Duration.ofMinutes(10));
  }

  /** Signed by the right key for another issuer. */
  public static String wrongIssuer(Role role) {
    return new Tokens(SharedInfrastructure.keys(), "someone-else", Clock.systemUTC())
        .mint("staff-other", List.of(role), Duration.ofMinutes(10));
  }
}
