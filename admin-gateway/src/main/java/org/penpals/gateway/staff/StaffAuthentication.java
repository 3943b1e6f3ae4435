package org.penpals.gateway.staff;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a signed-in staff member. A person who still has to replace a one-time
 * password holds only {@code ROLE_PASSWORD_CHANGE}, which opens nothing but the password page.
 */
public final class StaffAuthentication extends AbstractAuthenticationToken {
  @Serial private static final long serialVersionUID = 1L;

  public static final String PASSWORD_CHANGE = "ROLE_PASSWORD_CHANGE";

  private final StaffPrincipal principal;

  public StaffAuthentication(StaffPrincipal principal) {
    super(
        List.of(
            new SimpleGrantedAuthority(
                principal.mustChangePassword() ? PASSWORD_CHANGE : principal.role().authority())));
    this.principal = principal;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public StaffPrincipal getPrincipal() {
    return principal;
  }

  @Override
  public String getName() {
    return principal.email();
  }
}
