package org.penpals.cli.stack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.penpals.cli.CommandFailed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration API as the CLI uses it: staff calls with a bearer token, and ready-made requests
 * for the public endpoints that the load runner fires in bulk. HTTP/1.1 with keep-alive; a small
 * fixed pool completes the responses so the client stays cheap next to the server.
 */
public final class RegistrationClient implements AutoCloseable {
  public static final String TAXONOMY = "/api/registration/taxonomy";
  private static final String CYCLES = "/api/registration/cycles";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final ExecutorService executor;
  private final HttpClient http;

  public RegistrationClient(String baseUrl) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.executor =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "penpals-http");
              thread.setDaemon(true);
              return thread;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
  }

  public HttpClient http() {
    return http;
  }

  public String base() {
    return base;
  }

  /** Fails fast, before anything else is set up, if the service is not there. */
  public void ping() {
    expect(
        send(request(TAXONOMY, null).GET().build()), 200, "reach registration-service at " + base);
  }

  /** Creates a cycle in draft; returns its id. */
  public String createCycle(CycleBody cycle, String token) {
    HttpResponse<String> response =
        send(
            request(CYCLES, token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(cycle)))
                .build());
    expect(response, 201, "create a cycle");
    return JSON.readTree(response.body()).get("id").asString();
  }

  public void openCycle(String cycleId, String token) {
    HttpResponse<String> response =
        send(
            request(CYCLES + "/" + cycleId + "/open", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    expect(response, 200, "open cycle " + cycleId);
  }

  /** Closes registration: matching may begin. */
  public void closeCycle(String cycleId, String token) {
    HttpResponse<String> response =
        send(
            request(CYCLES + "/" + cycleId + "/close", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    expect(response, 200, "close the cycle");
  }

  /** {@code GET /api/registration/cycles/{id}} (staff): the cycle with its status and dates. */
  public JsonNode cycle(String cycleId, String token) {
    HttpResponse<String> response = send(request(CYCLES + "/" + cycleId, token).GET().build());
    expect(response, 200, "read cycle " + cycleId);
    return JSON.readTree(response.body());
  }

  /** {@code GET /api/registration/cycles/{id}/waitlist} (staff): the queue in its fair order. */
  public JsonNode waitlist(String cycleId, String token) {
    HttpResponse<String> response =
        send(request(CYCLES + "/" + cycleId + "/waitlist", token).GET().build());
    expect(response, 200, "read the waitlist of cycle " + cycleId);
    return JSON.readTree(response.body());
  }

  /**
   * {@code POST /api/registration/cycles/{id}/admissions} (ADMIN, COORDINATOR): admits waitlisted
   * applicants, at most 500 at a time; returns the applications admitted.
   */
  public JsonNode admit(String cycleId, java.util.List<String> participantIds, String token) {
    HttpResponse<String> response =
        send(
            request(CYCLES + "/" + cycleId + "/admissions", token)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(java.util.Map.of("participantIds", participantIds))))
                .build());
    expect(response, 200, "admit " + participantIds.size() + " waitlisted applicants");
    return JSON.readTree(response.body()).path("admitted");
  }

  /**
   * {@code POST /api/registration/participants/me/withdrawal} with the participant's own token:
   * they withdraw from their cycle.
   */
  public JsonNode withdraw(String participantToken, String reason) {
    HttpResponse<String> response =
        send(
            request("/api/registration/participants/me/withdrawal", participantToken)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(java.util.Map.of("reason", reason))))
                .build());
    expect(response, 200, "withdraw a participant");
    return JSON.readTree(response.body());
  }

  /** {@code POST /api/registration/cycles/{id}/applications}: public, no token. */
  public LoadRequest application(String cycleId, byte[] json) {
    return LoadRequest.post(URI.create(base + CYCLES + "/" + cycleId + "/applications"), json);
  }

  /** {@code POST /api/registration/verifications} with the token from the mailed link. */
  public LoadRequest verification(String verificationToken) {
    byte[] body = JSON.writeValueAsBytes(java.util.Map.of("token", verificationToken));
    return LoadRequest.post(URI.create(base + "/api/registration/verifications"), body);
  }

  /** A public GET, e.g. {@link #TAXONOMY}. */
  public LoadRequest get(String path) {
    return LoadRequest.get(URI.create(base + path));
  }

  /** The service's Prometheus metrics, if it exposes them. */
  public Optional<PrometheusMetrics> metrics() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return response.statusCode() == 200
          ? Optional.of(PrometheusMetrics.parse(response.body()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private HttpRequest.Builder request(String path, @Nullable String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new CommandFailed(
          "registration-service is not reachable at " + base + " (is the stack up?)", e);
    } catch (IOException e) {
      throw new CommandFailed(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted", e);
    }
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new CommandFailed(
          "could not "
              + what
              + ": HTTP "
              + response.statusCode()
              + " "
              + abbreviate(response.body(), 500));
    }
  }

  static String abbreviate(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }

  /** The JSON of a response body, for reading fields. */
  public static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
