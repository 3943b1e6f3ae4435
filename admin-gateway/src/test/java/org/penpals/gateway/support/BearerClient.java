package org.penpals.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A script calling the gateway's API with a bearer token (or none), headers included. */
public final class BearerClient {
  /** An answer. */
  public record Answer(int status, String body, @Nullable String auditId) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public BearerClient(int port) {
    this.base = "http://localhost:" + port;
  }

  public Answer send(String method, String path, @Nullable String token) {
    boolean body = !method.equals("GET") && !method.equals("HEAD");
    return send(method, path, token, body ? "{}" : null, Map.of());
  }

  /** A call with a JSON body (or none) and extra request headers. */
  public Answer send(
      String method,
      String path,
      @Nullable String token,
      @Nullable String json,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json != null
            ? HttpRequest.BodyPublishers.ofString(json)
            : HttpRequest.BodyPublishers.noBody());
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("X-Audit-Id").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
