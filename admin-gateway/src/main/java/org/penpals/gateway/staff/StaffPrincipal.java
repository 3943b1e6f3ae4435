package org.penpals.gateway.staff;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Who is signed in: kept in the console session, rebuilt from a bearer token for API clients.
 *
 * @param staffId stable, pseudonymous id; the {@code sub} of every token minted for this person
 * @param email the account's normalized email (the key of the account)
 * @param countries ISO 3166-1 alpha-2 codes an AMBASSADOR acts for; empty for every other role
 * @param method how the person proved who they are: {@code password}, {@code password+totp}, {@code
 *     oidc:<provider>} or {@code token}
 * @param mustChangePassword signed in with a one-time password: only the password page is open
 */
public record StaffPrincipal(
    String staffId,
    String email,
    String displayName,
    StaffRole role,
    List<String> countries,
    String method,
    Instant authenticatedAt,
    boolean mustChangePassword)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  public StaffPrincipal {
    countries =
        role == StaffRole.AMBASSADOR
            ? countries.stream().map(c -> c.toUpperCase(Locale.ROOT)).sorted().toList()
            : List.of();
  }

  public boolean isAmbassador() {
    return role == StaffRole.AMBASSADOR;
  }

  public boolean covers(String country) {
    return countries.contains(country.toUpperCase(Locale.ROOT));
  }

  public StaffPrincipal withPasswordChanged() {
    return new StaffPrincipal(
        staffId, email, displayName, role, countries, method, authenticatedAt, false);
  }

  public StaffPrincipal withAccount(StaffAccount account) {
    return new StaffPrincipal(
        account.staffId(),
        account.email(),
        account.displayName(),
        account.role(),
        account.countries(),
        method,
        authenticatedAt,
        mustChangePassword && account.mustChangePassword());
  }
}
