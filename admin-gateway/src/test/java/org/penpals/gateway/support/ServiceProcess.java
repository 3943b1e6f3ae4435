package org.penpals.gateway.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Penpals service run from its executable jar in a JVM of its own, as the local stack runs it:
 * its own classpath and configuration, its output in a log file next to the test's reports.
 */
public final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java -jar jar} on {@code port} with the given environment, the JVM flags the
   * local stack uses for a quick start, and returns at once (see {@link #awaitReady}).
   */
  public static ServiceProcess start(
      String name, Path jar, int port, Map<String, String> environment, Path workDirectory) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No executable jar for " + name + " at " + jar + ": build it first (./mvnw package)");
    }
    try {
      Files.createDirectories(workDirectory);
      Path log = workDirectory.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-Xmx256m",
              "-Xss512k",
              "-Djava.io.tmpdir=" + workDirectory,
              "-jar",
              jar.toAbsolutePath().toString()));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      builder.environment().put("SERVER_PORT", Integer.toString(port));
      Process process = builder.start();
      ServiceProcess started = new ServiceProcess(name, port, process, log);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, name + "-stop"));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits until the service reports ready; fails at once, with its log, if it died. */
  public void awaitReady(Duration timeout) {
    await("%s ready at %s (log: %s)".formatted(name, url(), log))
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    name + " exited with " + process.exitValue() + ":\n" + tail());
              }
              return ready();
            });
  }

  private boolean ready() {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The last lines of the service's output. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** A port nobody listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
