package org.penpals.gateway.route;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.penpals.gateway.config.GatewayProperties;

/** The services behind the gateway: {@code /api/<name>/**} goes to the name's base URL. */
public final class ServiceDirectory {
  private final Map<String, URI> services = new LinkedHashMap<>();

  public ServiceDirectory(GatewayProperties properties) {
    properties
        .services()
        .forEach(
            (name, url) -> {
              if (url != null && !url.isBlank()) {
                services.put(
                    name, URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
              }
            });
  }

  public Map<String, URI> all() {
    return Map.copyOf(services);
  }

  public Optional<URI> url(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** The service a gateway path belongs to: {@code /api/matching/runs/1} → {@code matching}. */
  public static Optional<String> serviceOf(String path) {
    if (!path.startsWith("/api/")) {
      return Optional.empty();
    }
    int end = path.indexOf('/', 5);
    return Optional.of(end < 0 ? path.substring(5) : path.substring(5, end));
  }

  public static String label(String service) {
    return switch (service) {
      case "registration" -> "registration service";
      case "matching" -> "matching service";
      case "prompts" -> "prompt service";
      case "messaging" -> "messaging service";
      default -> service + " service";
    };
  }
}
