package org.penpals.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
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
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * A cookie-keeping HTTP client standing in for a browser without JavaScript: it follows no
 * redirects by itself, reads pages with jsoup, and posts forms with the CSRF token of the last page
 * it saw.
 */
public final class Browser {
  /** An answer. */
  public record Page(int status, String body, @Nullable String location, HttpResponse<String> raw) {
    public Document html() {
      return Jsoup.parse(body);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }

    public List<String> headers(String name) {
      return raw.headers().allValues(name);
    }
  }

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private @Nullable String csrf;
  private @Nullable String acceptLanguage;

  public Browser(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public Browser acceptLanguage(String value) {
    this.acceptLanguage = value;
    return this;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** GETs, following redirects within the portal. */
  public Page open(String path) {
    Page page = get(path);
    for (int i = 0; i < 5 && page.location() != null && page.status() / 100 == 3; i++) {
      page = get(relative(page.location()));
    }
    return page;
  }

  /** Posts a form with the CSRF token of the last page seen, then follows redirects. */
  public Page submit(String path, Map<String, ?> form) {
    Page page = post(path, form);
    for (int i = 0; i < 5 && page.location() != null && page.status() / 100 == 3; i++) {
      page = get(relative(page.location()));
    }
    return page;
  }

  public Page post(String path, Map<String, ?> form) {
    Map<String, Object> fields = new LinkedHashMap<>(form);
    if (csrf != null) {
      fields.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, fields);
  }

  /** A form post exactly as given (no CSRF token added); list values repeat the field. */
  public Page postRaw(String path, Map<String, ?> fields) {
    String body =
        fields.entrySet().stream()
            .flatMap(
                e ->
                    (e.getValue() instanceof List<?> list ? list : List.of(e.getValue()))
                        .stream().map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v))))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public @Nullable String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Signs in with a sign-in link token (the fake registration service knows it). */
  public Page signIn(String token) {
    get("/sign-in/" + token);
    return submit("/sign-in/" + token, Map.of());
  }

  private String relative(String location) {
    return location.startsWith(base) ? location.substring(base.length()) : location;
  }

  private Page send(HttpRequest.Builder request) {
    request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String body = response.body();
      if (body.contains("name=\"_csrf\"")) {
        Element input = Jsoup.parse(body).selectFirst("input[name=_csrf]");
        if (input != null) {
          csrf = input.attr("value");
        }
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
