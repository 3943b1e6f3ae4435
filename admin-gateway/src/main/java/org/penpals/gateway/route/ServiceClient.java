package org.penpals.gateway.route;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.token.TokenMinter;
import org.penpals.platform.web.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the console (and the ambassador checks) call a service on a staff member's behalf: the same
 * route table as the proxy, the same minted token, errors as {@link ServiceProblem} or — when the
 * service does not answer — a 503 {@link GatewayProblem}, so that a page can say which part is
 * unavailable and still show the rest.
 */
public class ServiceClient {
  private final ServiceDirectory directory;
  private final RestClient http;
  private final TokenMinter minter;
  private final RoutePolicy policy;
  private final JsonMapper json;

  public ServiceClient(
      ServiceDirectory directory,
      RestClient http,
      TokenMinter minter,
      RoutePolicy policy,
      JsonMapper json) {
    this.directory = directory;
    this.http = http;
    this.minter = minter;
    this.policy = policy;
    this.json = json;
  }

  public JsonNode get(StaffPrincipal staff, String pathAndQuery) {
    return send(staff, HttpMethod.GET, pathAndQuery, null);
  }

  public JsonNode post(StaffPrincipal staff, String path, @Nullable Object body) {
    return send(staff, HttpMethod.POST, path, body);
  }

  public JsonNode put(StaffPrincipal staff, String path, @Nullable Object body) {
    return send(staff, HttpMethod.PUT, path, body);
  }

  public JsonNode delete(StaffPrincipal staff, String path, @Nullable Object body) {
    return send(staff, HttpMethod.DELETE, path, body);
  }

  /** Whether the service answers its readiness probe now. */
  public boolean available(String service) {
    URI base = directory.url(service).orElse(null);
    if (base == null) {
      return false;
    }
    try {
      http.get().uri(base.resolve("/actuator/health/readiness")).retrieve().toBodilessEntity();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A service's answer with its status (a 2xx; errors are thrown as for {@link #send}). */
  public record Answer(int status, JsonNode body) {}

  public JsonNode send(
      StaffPrincipal staff, HttpMethod method, String pathAndQuery, @Nullable Object body) {
    return exchange(staff, method, pathAndQuery, body, Map.of()).body();
  }

  /**
   * Calls a service with extra request headers (an {@code Idempotency-Key}, say) and tells the
   * status too, for callers to whom 200 and 201 mean different things.
   */
  public Answer exchange(
      StaffPrincipal staff,
      HttpMethod method,
      String pathAndQuery,
      @Nullable Object body,
      Map<String, String> headers) {
    String path =
        pathAndQuery.contains("?")
            ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
            : pathAndQuery;
    String service = ServiceDirectory.serviceOf(path).orElseThrow();
    URI base =
        directory
            .url(service)
            .orElseThrow(
                () ->
                    new GatewayProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "service-unavailable",
                        "The " + ServiceDirectory.label(service) + " is not configured."));
    // the route table has rules only for configured services: ask it once the service is known
    RoutePolicy.Decision decision = policy.decide(staff.role(), method.name(), path);
    if (!decision.allowed()) {
      throw new GatewayProblem(
          HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");
    }
    String token = minter.forService(staff);
    try {
      RestClient.RequestBodySpec request =
          http.method(method)
              .uri(URI.create(base + pathAndQuery))
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
              .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
      headers.forEach(request::header);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
      }
      return request.exchange(
          (req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            int status = response.getStatusCode().value();
            if (status >= 400) {
              throw problem(status, bytes);
            }
            return new Answer(
                status, bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes));
          });
    } catch (ResourceAccessException e) {
      throw new GatewayProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "service-unavailable",
          "The " + ServiceDirectory.label(service) + " is not reachable right now.");
    }
  }

  private ServiceProblem problem(int status, byte[] bytes) throws IOException {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error " + status : known.getReasonPhrase();
    String detail = new String(bytes, StandardCharsets.UTF_8);
    List<FieldProblem> errors = new ArrayList<>();
    try {
      JsonNode node = json.readTree(bytes);
      title = node.path("title").asString(title);
      detail = node.path("detail").asString(title);
      for (JsonNode e : node.path("errors")) {
        errors.add(new FieldProblem(e.path("field").asString(""), e.path("message").asString("")));
      }
    } catch (RuntimeException notJson) {
      detail = title;
    }
    return new ServiceProblem(status, title, detail, errors);
  }
}
