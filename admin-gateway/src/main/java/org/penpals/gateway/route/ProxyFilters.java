package org.penpals.gateway.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.token.TokenMinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;

/** What the gateway does to a staff request before it goes to a service. */
public class ProxyFilters {
  private final TokenMinter minter;
  private final RoutePolicy policy;
  private final AmbassadorScope scope;

  public ProxyFilters(TokenMinter minter, RoutePolicy policy, AmbassadorScope scope) {
    this.minter = minter;
    this.policy = policy;
    this.scope = scope;
  }

  /**
   * The staff session cookie, the CSRF token and whatever credentials came in stay here; the
   * service gets a fresh short-lived token for the same person and the audit id to log.
   */
  public ServerRequest relay(ServerRequest request) {
    StaffPrincipal staff = current();
    String token = minter.forService(staff);
    Object auditId = request.servletRequest().getAttribute(AuditFilter.ID_ATTRIBUTE);
    return ServerRequest.from(request)
        .headers(
            h -> {
              h.remove(HttpHeaders.COOKIE);
              h.remove(HttpHeaders.AUTHORIZATION);
              h.remove("X-CSRF-TOKEN");
              h.remove("X-XSRF-TOKEN");
              h.setBearerAuth(token);
              if (auditId != null) {
                h.set("X-Request-Id", auditId.toString());
              }
            })
        .build();
  }

  /** Narrows an ambassador's request to their countries (see {@link AmbassadorScope}). */
  public ServerRequest ambassadorScope(ServerRequest request) {
    StaffPrincipal staff = current();
    if (!staff.isAmbassador()) {
      return request;
    }
    String path = request.requestPath().pathWithinApplication().value();
    RoutePolicy.Decision decision = policy.decide(staff.role(), request.method().name(), path);
    if (!decision.allowed() || decision.rule() == null) {
      throw GatewayProblem.outOfScope("You are not allowed to do this.");
    }
    return switch (decision.rule().ambassador()) {
      case OPEN -> request;
      case COUNTRY_QUERY ->
          withCountry(request, AmbassadorScope.country(staff, countryValues(request)));
      case PARTICIPANT_READ -> {
        String id = AmbassadorScope.participantId(decision.variables());
        if (id == null) {
          throw GatewayProblem.outOfScope("You are not allowed to do this.");
        }
        scope.checkParticipant(staff, id);
        yield request;
      }
      case NONE -> throw GatewayProblem.outOfScope("You are not allowed to do this.");
    };
  }

  private static List<String> countryValues(ServerRequest request) {
    List<String> values = new ArrayList<>();
    request
        .params()
        .forEach(
            (name, v) -> {
              if (name.equalsIgnoreCase("country")) {
                values.addAll(v);
              }
            });
    return values;
  }

  private static ServerRequest withCountry(ServerRequest request, String country) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (Map.Entry<String, List<String>> e : request.params().entrySet()) {
      if (!e.getKey().equalsIgnoreCase("country")) {
        params.put(e.getKey(), e.getValue());
      }
    }
    params.add("country", country);
    return ServerRequest.from(request)
        .params(
            p -> {
              p.clear();
              p.addAll(params);
            })
        .build();
  }

  static StaffPrincipal current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof StaffAuthentication staff) {
      return staff.getPrincipal();
    }
    throw new GatewayProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first.");
  }
}
