package org.penpals.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.testkit.Api;

/** Posts announcements with an {@code Idempotency-Key} header (the test kit's client sets none). */
public final class Announcing {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  public Announcing(int port) {
    this.port = port;
  }

  public static String path(String cycleId) {
    return "/api/messaging/cycles/" + cycleId + "/announcements";
  }

  public Api.Response post(
      String cycleId, @Nullable String idempotencyKey, String json, @Nullable String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path(cycleId)))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Api.Response(
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
}
