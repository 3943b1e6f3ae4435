package org.penpals.cli.stack;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.penpals.cli.CommandFailed;

/**
 * A closed-loop load generator: keeps {@code concurrency} requests in flight until every request
 * has been answered, and records each latency (send to complete response) in an HdrHistogram.
 * Requests are built before the clock starts, so the client does little more than write bytes.
 *
 * <p>Closed loop means a slow server slows the offered load down instead of queueing requests that
 * have not been sent yet: the latencies are what a client with that many requests outstanding sees,
 * not a fixed-rate (open-loop) service-level measure.
 */
public final class LoadRunner {
  private static final long MAX_TRACKABLE_MICROS = 120_000_000L;
  private static final int PROBLEMS_KEPT = 5;

  private LoadRunner() {}

  public static LoadResult run(
      HttpClient http, List<HttpRequest> requests, int concurrency, boolean keepBodies) {
    int n = requests.size();
    Histogram latencies = new ConcurrentHistogram(MAX_TRACKABLE_MICROS, 3);
    int[] statuses = new int[n];
    String[] bodies = keepBodies ? new String[n] : new String[0];
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger succeeded = new AtomicInteger();
    Semaphore inFlight = new Semaphore(concurrency);
    CountDownLatch done = new CountDownLatch(n);
    HttpResponse.BodyHandler<String> handler =
        keepBodies ? HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8) : failuresOnly();

    long startedAtMillis = System.currentTimeMillis();
    long started = System.nanoTime();
    try {
      for (int i = 0; i < n; i++) {
        inFlight.acquire();
        int index = i;
        long sent = System.nanoTime();
        http.sendAsync(requests.get(i), handler)
            .whenComplete(
                (response, error) -> {
                  long micros = (System.nanoTime() - sent) / 1000;
                  latencies.recordValue(Math.min(micros, MAX_TRACKABLE_MICROS));
                  int status = response == null ? 0 : response.statusCode();
                  statuses[index] = status;
                  if (keepBodies) {
                    bodies[index] = response == null ? "" : response.body();
                  }
                  if (status >= 200 && status < 300) {
                    succeeded.incrementAndGet();
                  } else if (problems.size() < PROBLEMS_KEPT) {
                    problems.add(
                        status == 0
                            ? "no response: " + error
                            : "HTTP "
                                + status
                                + " "
                                + RegistrationClient.abbreviate(
                                    response.body() == null ? "" : response.body(), 300));
                  }
                  inFlight.release();
                  done.countDown();
                });
      }
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new CommandFailed("requests still unanswered after 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted", e);
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
  }

  /** Reads bodies of failures only (for the problem report); discards the rest unread. */
  private static HttpResponse.BodyHandler<String> failuresOnly() {
    return info ->
        info.statusCode() >= 200 && info.statusCode() < 300
            ? HttpResponse.BodySubscribers.replacing("")
            : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
  }
}
