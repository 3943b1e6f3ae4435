package org.penpals.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Stand-ins for the four services behind the gateway: each records what reaches it and answers 200
 * with a small JSON echo. {@code GET /api/registration/applications/p-XX} answers an application
 * from country XX ({@code p-missing}: 404), for the ambassador checks. A test may script answers of
 * its own ({@link #reply}); {@link #reset} forgets them.
 */
public final class StubServices {
  /**
   * A request as a service received it.
   *
   * @param headers the first value of each header, names in lower case
   */
  public record Received(
      String service,
      String method,
      String path,
      @Nullable String query,
      @Nullable String authorization,
      @Nullable String cookie,
      @Nullable String requestId,
      Map<String, String> headers,
      String body) {
    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A scripted answer. */
  public record Reply(int status, String json) {
    public static Reply ok(String json) {
      return new Reply(200, json);
    }

    /** An RFC 9457 problem naming fields ({@code field, message, field, message, ...}). */
    public static Reply problem(int status, String detail, String... fieldsAndMessages) {
      StringBuilder errors = new StringBuilder();
      for (int i = 0; i + 1 < fieldsAndMessages.length; i += 2) {
        errors
            .append(errors.isEmpty() ? "" : ",")
            .append("{\"field\":\"")
            .append(fieldsAndMessages[i])
            .append("\",\"message\":\"")
            .append(fieldsAndMessages[i + 1])
            .append("\"}");
      }
      return new Reply(
          status,
          "{\"type\":\"about:blank\",\"status\":"
              + status
              + ",\"title\":\"Problem\",\"detail\":\""
              + detail
              + "\",\"errors\":["
              + errors
              + "]}");
    }
  }

  private record Script(String method, String path, Function<Received, Reply> answer) {}

  public static final List<String> NAMES =
      List.of("registration", "matching", "prompts", "messaging");

  private static @Nullable StubServices instance;

  private final Map<String, HttpServer> servers = new LinkedHashMap<>();
  private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();
  private final CopyOnWriteArrayList<Script> scripts = new CopyOnWriteArrayList<>();

  private StubServices() {
    for (String name : NAMES) {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> handle(name, exchange));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        servers.put(name, server);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static synchronized StubServices get() {
    if (instance == null) {
      instance = new StubServices();
      StubServices started = instance;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> started.servers.values().forEach(s -> s.stop(0)), "stubs-stop"));
    }
    return instance;
  }

  public String url(String name) {
    return "http://127.0.0.1:" + servers.get(name).getAddress().getPort();
  }

  public void clear() {
    received.clear();
  }

  /** Answers {@code method path} (the exact path, without query) with {@code reply} from now on. */
  public void reply(String method, String path, Reply reply) {
    reply(method, path, r -> reply);
  }

  /** Answers {@code method path} with what {@code answer} makes of each request; latest first. */
  public void reply(String method, String path, Function<Received, Reply> answer) {
    scripts.add(0, new Script(method, path, answer));
  }

  /** Forgets every scripted answer and every request received. */
  public void reset() {
    scripts.clear();
    received.clear();
  }

  /** The requests received for {@code method path}. */
  public List<Received> received(String method, String path) {
    return received.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public @Nullable Received last() {
    return received.peekLast();
  }

  private void handle(String name, HttpExchange exchange) throws IOException {
    String requestBody =
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (header, values) -> {
              if (!values.isEmpty()) {
                headers.put(header.toLowerCase(Locale.ROOT), values.get(0));
              }
            });
    Received request =
        new Received(
            name,
            exchange.getRequestMethod(),
            path,
            query,
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Cookie"),
            exchange.getRequestHeaders().getFirst("X-Request-Id"),
            Map.copyOf(headers),
            requestBody);
    received.add(request);
    int status = 200;
    String body;
    String prefix = "/api/registration/applications/";
    Script script =
        scripts.stream()
            .filter(s -> s.method().equals(request.method()) && s.path().equals(path))
            .findFirst()
            .orElse(null);
    if (script != null) {
      Reply reply = script.answer().apply(request);
      status = reply.status();
      body = reply.json();
    } else if (name.equals("registration") && path.startsWith(prefix)) {
      String id = path.substring(prefix.length());
      if (id.equals("p-missing")) {
        status = 404;
        body = "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"application p-missing\"}";
      } else {
        String country = id.startsWith("p-") ? id.substring(2).toUpperCase(Locale.ROOT) : "ZZ";
        body =
            "{\"id\":\""
                + id
                + "\",\"profile\":{\"fullName\":\"Stub\",\"countryCode\":\""
                + country
                + "\"}}";
      }
    } else {
      body =
          "{\"service\":\""
              + name
              + "\",\"method\":\""
              + exchange.getRequestMethod()
              + "\",\"path\":\""
              + path
              + "\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("Content-Type", status < 400 ? "application/json" : "application/problem+json");
    exchange.getResponseHeaders().add("Set-Cookie", "service-cookie=must-not-pass");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
