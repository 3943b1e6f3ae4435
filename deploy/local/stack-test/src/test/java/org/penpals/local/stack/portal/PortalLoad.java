package org.penpals.local.stack.portal;

import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs participants in to the portal the way a browser does (ask for a link, take it from the
 * local inbox, press the button) and then measures the home page under concurrency: time to first
 * byte (response headers) and to the last byte, each participant with its own session, as many
 * requests in flight as participants. Prints figures; asserts nothing about time.
 */
final class PortalLoad {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** One signed-in participant: a cookie jar and its client. */
  record Session(String email, HttpClient http) {}

  /** The figures of one run, in milliseconds. */
  record Figures(
      int participants,
      int requests,
      int errors,
      double seconds,
      double ttfbP50,
      double ttfbP90,
      double ttfbP99,
      double totalP50,
      double totalP99,
      double max,
      long bytes,
      java.util.Map<Integer, Integer> failures) {
    String table() {
      return String.format(
          "home page, %d signed-in participants in parallel, %d requests (%d errors) in %.1f s"
              + " = %.0f req/s%n"
              + "  time to first byte  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms%n"
              + "  whole page          p50 %.1f ms  p99 %.1f ms  max %.1f ms  (%d bytes each)%n"
              + "  answers other than 200: %s",
          participants,
          requests,
          errors,
          seconds,
          requests / seconds,
          ttfbP50,
          ttfbP90,
          ttfbP99,
          totalP50,
          totalP99,
          max,
          bytes,
          failures);
    }
  }

  private final String portal;
  private final Inbox inbox;

  PortalLoad(String portal, String inbox) {
    this.portal = portal;
    this.inbox = new Inbox(inbox);
  }

  /** Signs one participant in by emailed link; their home page answers 200 afterwards. */
  Session signIn(String email, Duration timeout) {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    var before = inbox.seen(email);
    await("a sign-in link for " + email)
        .atMost(timeout)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              String csrf = csrf(get(http, "/sign-in").body());
              // 303/302 to /sign-in/sent; 429 means the client limit: wait and ask again
              return post(http, "/sign-in", "email=" + enc(email) + "&_csrf=" + enc(csrf))
                      .statusCode()
                  == 302;
            });
    Inbox.Mail mail = inbox.await(email, "SIGN_IN", before, timeout);
    String link = mail.link(portal, "/sign-in");
    String path = link.substring(portal.length());
    String csrf = csrf(get(http, path).body());
    String target = path.contains("?token=") ? "/sign-in/" + mail.token(portal, "/sign-in") : path;
    HttpResponse<String> signedIn = post(http, target, "_csrf=" + enc(csrf));
    if (signedIn.statusCode() != 302
        || !signedIn.headers().firstValue("Location").orElse("").endsWith("/home")) {
      throw new AssertionError("sign-in of " + email + " failed: " + signedIn.statusCode());
    }
    return new Session(email, http);
  }

  Figures measure(List<Session> sessions, int rounds) {
    List<Double> ttfb = Collections.synchronizedList(new ArrayList<>());
    List<Double> total = Collections.synchronizedList(new ArrayList<>());
    int[] errors = new int[1];
    java.util.Map<Integer, Integer> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
    long[] bytes = new long[1];
    // one warm-up request each (JIT, connections)
    sessions.forEach(s -> get(s.http(), "/home"));
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Session s : sessions) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < rounds; i++) {
                    long sent = System.nanoTime();
                    long[] headers = new long[1];
                    HttpResponse<byte[]> response =
                        send(
                            s.http(),
                            HttpRequest.newBuilder(URI.create(portal + "/home")).GET(),
                            info -> {
                              headers[0] = System.nanoTime();
                              return HttpResponse.BodySubscribers.ofByteArray();
                            });
                    long done = System.nanoTime();
                    if (response.statusCode() != 200) {
                      synchronized (errors) {
                        errors[0]++;
                      }
                      failures.merge(response.statusCode(), 1, Integer::sum);
                      continue;
                    }
                    bytes[0] = response.body().length;
                    ttfb.add((headers[0] - sent) / 1e6);
                    total.add((done - sent) / 1e6);
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Double> t = new ArrayList<>(ttfb);
    List<Double> w = new ArrayList<>(total);
    Collections.sort(t);
    Collections.sort(w);
    return new Figures(
        sessions.size(),
        sessions.size() * rounds,
        errors[0],
        seconds,
        pct(t, 50),
        pct(t, 90),
        pct(t, 99),
        pct(w, 50),
        pct(w, 99),
        w.isEmpty() ? 0 : w.get(w.size() - 1),
        bytes[0],
        failures);
  }

  private static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private HttpResponse<String> get(HttpClient http, String path) {
    return send(
        http,
        HttpRequest.newBuilder(URI.create(portal + path)).GET(),
        info -> HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(HttpClient http, String path, String form) {
    return send(
        http,
        HttpRequest.newBuilder(URI.create(portal + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)),
        info -> HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
  }

  private static <T> HttpResponse<T> send(
      HttpClient http, HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(
          request
              .timeout(Duration.ofSeconds(60))
              .header("Accept", "text/html")
              .header("Accept-Encoding", "identity")
              .build(),
          handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in the page");
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
