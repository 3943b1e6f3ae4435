package org.penpals.local.stack.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.local.stack.Penpals;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A throwaway local stack started with the repository's real {@code ./penpals} script on its own
 * {@code PENPALS_HOME} and free ports (never a developer's stack), and plain JSON calls to it.
 */
final class Stack implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> PORTS =
      List.of(
          "KAFKA_PORT",
          "KAFKA_CONTROLLER_PORT",
          "MONGO_PORT",
          "SMTP_PORT",
          "SMTP_INBOX_PORT",
          "REGISTRATION_PORT",
          "MATCHING_PORT",
          "PROMPT_PORT",
          "MESSAGING_PORT",
          "GATEWAY_PORT",
          "PORTAL_PORT");

  /** An HTTP answer. */
  record Answer(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body.isEmpty() ? "{}" : body);
    }
  }

  private final Path home;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Penpals penpals;

  Stack(Map<String, String> extra) throws IOException {
    this.home = Files.createTempDirectory("penpals-portal-it");
    List<Integer> ports = Penpals.freePorts(PORTS.size());
    for (int i = 0; i < PORTS.size(); i++) {
      environment.put(PORTS.get(i), ports.get(i).toString());
    }
    environment.put("PENPALS_UP_TIMEOUT", "840");
    environment.putAll(extra);
    this.penpals = new Penpals(home, environment);
  }

  String url(String service) {
    return "http://localhost:" + environment.get(service.toUpperCase() + "_PORT");
  }

  String inbox() {
    return "http://localhost:" + environment.get("SMTP_INBOX_PORT");
  }

  Path home() {
    return home;
  }

  /** Runs {@code ./penpals ARGS}; fails with its output unless it exits 0. */
  String penpals(Duration timeout, String... arguments) {
    return penpals.run(timeout, arguments).requireSuccess().stdout();
  }

  /** A token minted by the stack ({@code ./penpals token ROLE [--subject S]}). */
  String token(String role, String... more) {
    List<String> args = new ArrayList<>(List.of("token", role));
    args.addAll(List.of(more));
    return penpals(Duration.ofMinutes(2), args.toArray(String[]::new)).strip();
  }

  static Answer call(String method, String url, @Nullable String token, @Nullable Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode expect(Answer answer, int status, String what) {
    if (answer.status() != status) {
      throw new AssertionError(what + ": expected " + status + " but got " + answer);
    }
    return answer.json();
  }

  @Override
  public void close() throws IOException {
    try {
      penpals(Duration.ofMinutes(3), "down");
    } finally {
      // keep the services' logs for a look after the run
      Path logs = home.resolve("logs");
      if (Files.isDirectory(logs)) {
        Path kept = Path.of("target", "portal-it-logs");
        Files.createDirectories(kept);
        try (var files = Files.list(logs)) {
          for (Path log : files.toList()) {
            Files.copy(
                log,
                kept.resolve(log.getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Penpals.deleteRecursively(home);
    }
  }
}
