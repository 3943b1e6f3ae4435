package org.penpals.gateway.route;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import org.penpals.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The proxy routes (Spring Cloud Gateway server webmvc): {@code /api/<service>/**} to each
 * configured service, after authorization (the security chain, {@link RoutePolicy}) with the
 * ambassador scope applied and the caller's credentials replaced by a minted token.
 */
public final class GatewayRoutes {
  private static final Logger log = LoggerFactory.getLogger(GatewayRoutes.class);

  private GatewayRoutes() {}

  public static RouterFunction<ServerResponse> of(
      ServiceDirectory directory, ProxyFilters filters) {
    RouterFunctions.Builder all = RouterFunctions.route();
    for (Map.Entry<String, URI> service : directory.all().entrySet()) {
      String name = service.getKey();
      all.add(
          route(name)
              .route(path("/api/" + name + "/**"), http())
              // Spring keeps onError handlers innermost (around the proxy call only), so what
              // the before-filters below throw (ambassador scope, relay) is turned into a problem
              // by this first, outermost filter; onError still covers errors while the proxied
              // answer is written.
              .filter(
                  (request, next) -> {
                    try {
                      return next.handle(request);
                    } catch (Exception e) {
                      return failure(name, e, request);
                    }
                  })
              .onError(e -> true, (e, request) -> failure(name, e, request))
              .before(uri(service.getValue()))
              .before(filters::ambassadorScope)
              .before(filters::relay)
              .after(removeResponseHeader(HttpHeaders.SET_COOKIE))
              .build());
    }
    return all.build();
  }

  static ServerResponse failure(String service, Throwable e, ServerRequest request) {
    ProblemDetail problem;
    if (e instanceof GatewayProblem p) {
      problem = p.problem();
    } else if (e instanceof ServiceProblem p) {
      HttpStatus status =
          p.status() >= 500 || HttpStatus.resolve(p.status()) == null
              ? HttpStatus.BAD_GATEWAY
              : HttpStatus.valueOf(p.status());
      problem = Problems.problem(status, "upstream", p.title(), p.getMessage(), List.of());
    } else if (causedBy(e, HttpTimeoutException.class)) {
      problem =
          Problems.problem(
              HttpStatus.GATEWAY_TIMEOUT,
              "service-timeout",
              "Gateway Timeout",
              "The " + ServiceDirectory.label(service) + " did not answer in time.",
              List.of());
    } else if (causedBy(e, java.io.IOException.class)
        || causedBy(e, org.springframework.web.client.ResourceAccessException.class)) {
      problem =
          Problems.problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "service-unavailable",
              "Service Unavailable",
              "The " + ServiceDirectory.label(service) + " is not reachable right now.",
              List.of());
    } else {
      log.warn("relaying {} {} to the {} failed", request.method(), request.path(), service, e);
      problem =
          Problems.problem(
              HttpStatus.BAD_GATEWAY,
              "bad-gateway",
              "Bad Gateway",
              "The request could not be relayed to the " + ServiceDirectory.label(service) + ".",
              List.of());
    }
    problem.setInstance(URI.create(request.path()));
    return ServerResponse.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(problem);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
