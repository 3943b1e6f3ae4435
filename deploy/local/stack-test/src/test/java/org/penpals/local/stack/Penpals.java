package org.penpals.local.stack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the repository's {@code ./penpals} script on a throwaway {@code PENPALS_HOME} with its own
 * ports, with none of the developer's external addresses (so the test never touches a stack a
 * developer is running) and without building (the Maven reactor built everything before).
 */
public final class Penpals {

  /** What one run of the script did. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** This result, or an AssertionError with the script's output if it did not exit 0. */
    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(
            "./penpals exited with "
                + exitCode
                + "\n--- stdout\n"
                + stdout
                + "--- stderr\n"
                + stderr);
      }
      return this;
    }
  }

  private final Path repository;
  private final Path home;
  private final Map<String, String> environment = new LinkedHashMap<>();

  public Penpals(Path home, Map<String, String> environment) {
    this.repository = repository();
    this.home = home;
    this.environment.putAll(environment);
  }

  /** The checkout under test (the failsafe configuration names it). */
  public static Path repository() {
    return Path.of(System.getProperty("penpals.repository", "../../.."))
        .toAbsolutePath()
        .normalize();
  }

  /** Extracted jars and CDS archives shared by the stack tests of one build (in target/). */
  public static Path sharedCdsDirectory() {
    return Path.of("target", "penpals-cds").toAbsolutePath();
  }

  public Path home() {
    return home;
  }

  /** The environment the script runs with (ports, timeouts). */
  public Map<String, String> env() {
    return Map.copyOf(environment);
  }

  /** Runs {@code ./penpals ARGUMENTS} and waits up to {@code timeout} for it to end. */
  public Result run(Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(repository.resolve("penpals").toString());
    command.addAll(List.of(arguments));
    try {
      Path stdout = Files.createTempFile("penpals-stdout", ".txt");
      Path stderr = Files.createTempFile("penpals-stderr", ".txt");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(repository.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
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
              .pollInterval(Duration.ofMillis(200))
              .until(() -> !process.isAlive());
        } finally {
          process.destroy();
        }
        return new Result(
            process.exitValue(),
            Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pid recorded for a component, or an empty string. */
  public String pidOf(String component) {
    Path pidFile = home.resolve("run").resolve(component + ".pid");
    try {
      return Files.exists(pidFile) ? Files.readString(pidFile).strip() : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ports free right now, all different (the sockets are closed before returning). */
  public static List<Integer> freePorts(int count) throws IOException {
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

  /** Deletes a directory and everything below it. */
  public static void deleteRecursively(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
