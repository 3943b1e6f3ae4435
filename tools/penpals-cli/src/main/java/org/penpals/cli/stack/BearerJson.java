package org.penpals.cli.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.penpals.cli.CommandFailed;

/** One JSON request with a bearer token to a service of the stack; failures as CommandFailed. */
final class BearerJson {
  private BearerJson() {}

  /**
   * The body as JSON if the status is {@code expected}, else a CommandFailed saying what failed.
   */
  static tools.jackson.databind.JsonNode expect(
      HttpResponse<String> response, int expected, String what) {
    if (response.statusCode() != expected) {
      throw new CommandFailed(
          "could not "
              + what
              + ": HTTP "
              + response.statusCode()
              + " "
              + RegistrationClient.abbreviate(response.body(), 500));
    }
    return RegistrationClient.json(response.body().isEmpty() ? "{}" : response.body());
  }

  static HttpResponse<String> send(
      HttpClient http,
      String base,
      String token,
      String service,
      String method,
      String path,
      @Nullable String body) {
    return send(http, base, token, service, method, path, body, java.util.Map.of());
  }

  /** The same, with more request headers (an {@code Idempotency-Key}...). */
  static HttpResponse<String> send(
      HttpClient http,
      String base,
      String token,
      String service,
      String method,
      String path,
      @Nullable String body,
      java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CommandFailed("cannot reach " + service + " at " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted");
    }
  }
}
