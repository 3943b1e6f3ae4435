package org.penpals.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A browser without a browser: keeps the session cookie, sends the CSRF token of the last page with
 * each form, never follows redirects (tests look at them).
 */
public final class StaffSession {
  private static final Pattern CSRF_INPUT =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
  private static final Pattern CSRF_META =
      Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

  /** An answer. */
  public record Page(int status, String body, @Nullable String location, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }
  }

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private @Nullable String csrf;

  public StaffSession(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A form post with the CSRF token of the last page seen (fetching /login if none yet). */
  public Page post(String path, Map<String, String> form) {
    if (csrf == null) {
      get("/login");
    }
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (csrf != null) {
      fields.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, fields);
  }

  /**
   * A form post with repeated fields (checkboxes), in order, with the CSRF token of the last page.
   */
  public Page postAll(String path, List<Map.Entry<String, String>> fields) {
    if (csrf == null) {
      get("/login");
    }
    List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
    if (csrf != null) {
      all.add(Map.entry("_csrf", csrf));
    }
    String body =
        all.stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A form post exactly as given (no CSRF token added). */
  public Page postRaw(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A JSON call to the API with the session cookie; with the CSRF header when {@code withCsrf}. */
  public Page api(String method, String path, @Nullable String json, boolean withCsrf) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    if (withCsrf && csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return send(request);
  }

  /** Signs in with a password (and a one-time code if asked); returns the last answer. */
  public Page signIn(String email, String password) {
    get("/login");
    return post("/login", Map.of("email", email, "password", password));
  }

  public @Nullable String csrf() {
    return csrf;
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      Matcher input = CSRF_INPUT.matcher(body);
      Matcher meta = CSRF_META.matcher(body);
      if (input.find()) {
        csrf = input.group(1) != null ? input.group(1) : input.group(2);
      } else if (meta.find()) {
        csrf = meta.group(1);
      }
      return new Page(
          response.statusCode(),
          body,
          response.headers().firstValue("Location").orElse(null),
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
