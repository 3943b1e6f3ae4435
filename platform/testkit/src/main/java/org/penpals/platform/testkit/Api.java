package org.penpals.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A black-box HTTP client for API tests: raw JSON in, status and JSON out. */
public final class Api {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this("http://localhost:" + port);
  }

  public Api(String base) {
    this.base = base;
  }

  public Response get(String path, @Nullable String token) {
    return send("GET", path, null, "application/json", token);
  }

  public Response post(String path, @Nullable String body, @Nullable String token) {
    return send("POST", path, body, "application/json", token);
  }

  public Response put(String path, @Nullable String body, @Nullable String token) {
    return send("PUT", path, body, "application/json", token);
  }

  public Response patch(String path, @Nullable String body, @Nullable String token) {
    return send("PATCH", path, body, "application/json", token);
  }

  public Response delete(String path, @Nullable String token) {
    return send("DELETE", path, null, "application/json", token);
  }

  public Response send(
      String method,
      String path,
      @Nullable String body,
      String contentType,
      @Nullable String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json, text/csv, */*;q=0.1");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", contentType);
      request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, raw body, content type, location. */
  public record Response(int status, String body, String contentType, @Nullable String location) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}
