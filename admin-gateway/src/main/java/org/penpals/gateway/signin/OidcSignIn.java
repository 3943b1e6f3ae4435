package org.penpals.gateway.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.penpals.gateway.staff.StaffAccount;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.platform.domain.InvalidInput;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Sign-in through the organisation's OpenID Connect provider (Keycloak, Entra ID, Google …,
 * configured with Spring Boot's {@code spring.security.oauth2.client.*} properties). The provider
 * proves the email; the gateway's staff account with that email — created by an administrator —
 * gives the role and countries. No account, a disabled one or an unverified email: no entry.
 */
@Component
public class OidcSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
  private final StaffAccounts accounts;
  private final SessionSignIn sessions;
  private final Clock clock;

  public OidcSignIn(StaffAccounts accounts, SessionSignIn sessions, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    String provider =
        authentication instanceof OAuth2AuthenticationToken token
            ? token.getAuthorizedClientRegistrationId()
            : "oidc";
    Optional<StaffAccount> account = Optional.empty();
    String email = "";
    if (authentication.getPrincipal() instanceof OidcUser user
        && user.getEmail() != null
        && !Boolean.FALSE.equals(user.getEmailVerified())) {
      try {
        email = StaffAccount.normalizeEmail(user.getEmail());
        account = accounts.find(email);
      } catch (InvalidInput notAnEmail) {
        account = Optional.empty();
      }
    }
    if (account.isEmpty() || account.get().disabled()) {
      sessions.end(request);
      sessions.record(request, "sign-in.oidc", email, null, 401, "refused");
      response.sendRedirect(request.getContextPath() + "/login?error");
      return;
    }
    StaffPrincipal who = account.get().principal("oidc:" + provider, clock.instant(), false);
    sessions.start(request, response, who);
    sessions.record(request, "sign-in.oidc", email, who, 302, "success");
    response.sendRedirect(request.getContextPath() + "/console");
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    sessions.record(request, "sign-in.oidc", "", null, 401, "refused");
    response.sendRedirect(request.getContextPath() + "/login?error");
  }
}
