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
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Stand-ins for the four services behind the gateway: each records what reaches it and answers 200
 * with a small JSON echo. {@code GET /api/registration/applications/p-XX} answers an application
 * from country XX ({@code p-missing}: 404), for the ambassador checks.
 */
public final class StubServices {
  /** A request as a service received it. */
  public record Received(
      String service,
      String method,
      String path,
      @Nullable String query,
      @Nullable String authorization,
      @Nullable String cookie,
      @Nullable String requestId) {}

  public static final List<String> NAMES =
      List.of("registration", "matching", "prompts", "messaging");

  private static @Nullable StubServices instance;

  private final Map<String, HttpServer> servers = new LinkedHashMap<>();
  private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();

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

  public List<Received> received() {
    return List.copyOf(received);
  }

  public @Nullable Received last() {
    return received.peekLast();
  }

  private void handle(String name, HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    received.add(
        new Received(
            name,
            exchange.getRequestMethod(),
            path,
            query,
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Cookie"),
            exchange.getRequestHeaders().getFirst("X-Request-Id")));
    int status = 200;
    String body;
    String prefix = "/api/registration/applications/";
    if (name.equals("registration") && path.startsWith(prefix)) {
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
        .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
    exchange.getResponseHeaders().add("Set-Cookie", "service-cookie=must-not-pass");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
