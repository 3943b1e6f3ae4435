package org.penpals.cli.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;
import org.penpals.cli.CommandFailed;

/**
 * A closed-loop load generator: {@code concurrency} threads, each with its own keep-alive
 * connection, send the next request as soon as their previous one is answered, until every request
 * has been sent; each latency (send to complete response) goes into an HdrHistogram. Requests are
 * built before the clock starts.
 *
 * <p>The client is Apache HttpClient's blocking ("classic") one. The JDK's asynchronous {@code
 * HttpClient} used before cost about 1.8 ms of CPU per request on this machine, a third of the two
 * cores at 380 requests/s, which the server then did not have; this one costs a fraction of that.
 *
 * <p>Closed loop means a slow server slows the offered load down instead of queueing requests that
 * have not been sent yet: the latencies are what a client with that many requests outstanding sees,
 * not a fixed-rate (open-loop) service-level measure.
 */
public final class LoadRunner {
  private static final long MAX_TRACKABLE_MICROS = 120_000_000L;
  private static final int PROBLEMS_KEPT = 5;
  private static final String ACCEPT = "application/json, application/problem+json";

  private LoadRunner() {}

  public static LoadResult run(List<LoadRequest> requests, int concurrency, boolean keepBodies) {
    int n = requests.size();
    Histogram latencies = new ConcurrentHistogram(MAX_TRACKABLE_MICROS, 3);
    int[] statuses = new int[n];
    String[] bodies = keepBodies ? new String[n] : new String[0];
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    int threads = Math.max(1, Math.min(concurrency, n));

    try (CloseableHttpClient http = client(threads)) {
      Runnable worker =
          () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
              long sent = System.nanoTime();
              Reply reply = send(http, requests.get(i), keepBodies);
              long micros = (System.nanoTime() - sent) / 1000;
              latencies.recordValue(Math.min(micros, MAX_TRACKABLE_MICROS));
              statuses[i] = reply.status();
              if (keepBodies) {
                bodies[i] = reply.status() == 0 ? "" : reply.body();
              }
              if (reply.ok()) {
                succeeded.incrementAndGet();
              } else if (problems.size() < PROBLEMS_KEPT) {
                problems.add(
                    reply.status() == 0
                        ? reply.body()
                        : "HTTP "
                            + reply.status()
                            + " "
                            + RegistrationClient.abbreviate(reply.body(), 300));
              }
            }
          };
      long startedAtMillis = System.currentTimeMillis();
      long started = System.nanoTime();
      List<Thread> running = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        Thread thread = new Thread(worker, "load-" + t);
        thread.setDaemon(true);
        thread.start();
        running.add(thread);
      }
      for (Thread thread : running) {
        thread.join();
      }
      long elapsed = System.nanoTime() - started;
      Map<Integer, Integer> byStatus = new TreeMap<>();
      for (int status : statuses) {
        byStatus.merge(status, 1, Integer::sum);
      }
      return new LoadResult(
          n,
          succeeded.get(),
          byStatus,
          List.copyOf(problems),
          keepBodies ? Arrays.asList(bodies) : List.of(),
          latencies,
          startedAtMillis,
          System.currentTimeMillis(),
          elapsed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted", e);
    } catch (IOException e) {
      throw new CommandFailed("could not close the HTTP client: " + e, e);
    }
  }

  /** A response's status (0: none) and its body, read only when kept or failed. */
  private record Reply(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static Reply send(CloseableHttpClient http, LoadRequest request, boolean keepBody) {
    try {
      return http.execute(
          toClassic(request),
          response -> {
            Reply unread = new Reply(response.getCode(), "");
            HttpEntity entity = response.getEntity();
            if (entity != null && (keepBody || !unread.ok())) {
              return new Reply(
                  unread.status(), EntityUtils.toString(entity, StandardCharsets.UTF_8));
            }
            EntityUtils.consume(entity);
            return unread;
          });
    } catch (IOException | RuntimeException e) {
      return new Reply(0, "no response: " + e);
    }
  }

  private static CloseableHttpClient client(int connections) {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofMinutes(2))
                        .build())
                .build())
        .disableAutomaticRetries() // a failure is reported, never silently sent twice
        .disableCookieManagement()
        .disableRedirectHandling()
        .disableContentCompression()
        .disableAuthCaching()
        .build();
  }

  private static ClassicHttpRequest toClassic(LoadRequest request) {
    BasicClassicHttpRequest classic = new BasicClassicHttpRequest(request.method(), request.uri());
    classic.addHeader("Accept", ACCEPT);
    byte[] json = request.json();
    if (json != null) {
      classic.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
    }
    return classic;
  }
}
