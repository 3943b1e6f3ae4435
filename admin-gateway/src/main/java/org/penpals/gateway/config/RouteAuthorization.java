package org.penpals.gateway.config;

import java.util.function.Supplier;
import org.penpals.gateway.route.RoutePolicy;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Authorizes {@code /api/<service>/**} by the {@link RoutePolicy}. */
final class RouteAuthorization implements AuthorizationManager<RequestAuthorizationContext> {
  private final RoutePolicy policy;

  RouteAuthorization(RoutePolicy policy) {
    this.policy = policy;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    Authentication auth = authentication.get();
    if (!(auth instanceof StaffAuthentication staff)) {
      return new AuthorizationDecision(false);
    }
    StaffPrincipal principal = staff.getPrincipal();
    if (principal.mustChangePassword()) {
      return new AuthorizationDecision(false);
    }
    var request = context.getRequest();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return new AuthorizationDecision(
        policy.decide(principal.role(), request.getMethod(), path).allowed());
  }
}
