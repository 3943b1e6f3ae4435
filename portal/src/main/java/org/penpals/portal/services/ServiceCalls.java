package org.penpals.portal.services;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP call to a service, the portal's only way out: a participant token when there is a
 * participant, the browser's address as {@code X-Forwarded-For} (the services rate-limit per
 * client), time-outs from the HTTP client, and a Resilience4j circuit breaker per service. A 4xx
 * becomes a {@link ServiceProblem}; no answer, a 5xx or an open breaker a {@link
 * ServiceUnavailable}.
 */
public class ServiceCalls {
  /**
   * The JSON the services speak; unknown fields are ignored and an enum value this portal does not
   * know yet reads as the enum's {@code UNKNOWN} (tolerant reader).
   */
  public static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .build();

  private static final String PROBLEM_BASE = "https://penpals.org/problems/";

  private final RestClient http;
  private final Map<String, URI> bases;
  private final CircuitBreakerRegistry breakers;
  private final ParticipantTokens tokens;

  public ServiceCalls(
      RestClient http,
      Map<String, URI> bases,
      CircuitBreakerRegistry breakers,
      ParticipantTokens tokens) {
    this.http = http;
    this.bases = Map.copyOf(bases);
    this.breakers = breakers;
    this.tokens = tokens;
  }

  /** The answer of a call: status and JSON body (an empty object when there is none). */
  public record Answer(int status, JsonNode body, HttpHeaders headers) {}

  public Answer call(
      String service,
      HttpMethod method,
      String path,
      @Nullable String participantId,
      @Nullable Object body) {
    URI base = bases.get(service);
    if (base == null) {
      throw new ServiceUnavailable(service, "not configured");
    }
    CircuitBreaker breaker = breakers.circuitBreaker(service);
    try {
      return breaker.executeSupplier(() -> send(service, base, method, path, participantId, body));
    } catch (CallNotPermittedException e) {
      throw new ServiceUnavailable(service, "circuit breaker open", e);
    }
  }

  public <T> T read(JsonNode node, Class<T> type) {
    return JSON.treeToValue(node, type);
  }

  private Answer send(
      String service,
      URI base,
      HttpMethod method,
      String path,
      @Nullable String participantId,
      @Nullable Object body) {
    try {
      RestClient.RequestBodySpec request =
          http.method(method)
              .uri(URI.create(base.toString().replaceAll("/$", "") + path))
              .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
      if (participantId != null) {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forParticipant(participantId));
      }
      String client = clientAddress();
      if (client != null) {
        request.header("X-Forwarded-For", client);
      }
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
      }
      return request.exchange(
          (req, response) -> {
            int status = response.getStatusCode().value();
            byte[] bytes = response.getBody().readAllBytes();
            if (status >= 500) {
              throw new ServiceUnavailable(service, "answered " + status);
            }
            if (status >= 400) {
              throw problem(status, bytes);
            }
            JsonNode json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            return new Answer(status, json, response.getHeaders());
          });
    } catch (ResourceAccessException e) {
      throw new ServiceUnavailable(service, "no answer", e);
    }
  }

  private static ServiceProblem problem(int status, byte[] bytes) throws IOException {
    String type = "http-" + status;
    String detail = new String(bytes, StandardCharsets.UTF_8);
    List<ServiceProblem.FieldError> errors = new ArrayList<>();
    try {
      JsonNode node = JSON.readTree(bytes);
      String uri = node.path("type").asString("");
      if (uri.startsWith(PROBLEM_BASE)) {
        type = uri.substring(PROBLEM_BASE.length());
      }
      detail = node.path("detail").asString(detail);
      for (JsonNode e : node.path("errors")) {
        errors.add(
            new ServiceProblem.FieldError(
                e.path("field").asString(""), e.path("message").asString("")));
      }
    } catch (RuntimeException notJson) {
      // keep the raw text as the detail
    }
    return new ServiceProblem(status, type, detail, errors);
  }

  private static @Nullable String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
