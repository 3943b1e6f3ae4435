package org.penpals.local.stack.portal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

  private final Path repository;
  private final Path home;
  private final Map<String, String> environment = new LinkedHashMap<>();

  Stack(Map<String, String> extra) throws IOException {
    this.repository =
        Path.of(System.getProperty("penpals.repository", "../../..")).toAbsolutePath().normalize();
    this.home = Files.createTempDirectory("penpals-portal-it");
    List<Integer> ports = freePorts(PORTS.size());
    for (int i = 0; i < PORTS.size(); i++) {
      environment.put(PORTS.get(i), ports.get(i).toString());
    }
    environment.put("PENPALS_UP_TIMEOUT", "840");
    environment.putAll(extra);
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
    List<String> command = new ArrayList<>();
    command.add(repository.resolve("penpals").toString());
    command.addAll(List.of(arguments));
    try {
      Path out = Files.createTempFile("penpals-out", ".txt");
      Path err = Files.createTempFile("penpals-err", ".txt");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(repository.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        for (String external :
            List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SMTP_HOST", "JAVA_TOOL_OPTIONS")) {
          env.remove(external);
        }
        env.put("PENPALS_HOME", home.toString());
        env.put("PENPALS_BUILD", "never");
        env.putAll(environment);
        Process process = builder.start();
        try {
          await("./penpals " + String.join(" ", arguments))
              .atMost(timeout)
              .pollInterval(Duration.ofMillis(250))
              .until(() -> !process.isAlive());
        } finally {
          process.destroy();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new AssertionError(
              "./penpals "
                  + String.join(" ", arguments)
                  + " exited with "
                  + process.exitValue()
                  + "\n--- stdout\n"
                  + stdout
                  + "--- stderr\n"
                  + Files.readString(err, StandardCharsets.UTF_8));
        }
        return stdout;
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      try (var paths = Files.walk(home)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
