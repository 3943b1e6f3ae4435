package org.penpals.cli.stack;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a {@link LoadRunner} run measured.
 *
 * @param requests requests sent
 * @param succeeded responses with a 2xx status
 * @param statuses how many of each status (0: no response: connection error or time-out)
 * @param problems the first few failures, status and body
 * @param bodies every response body in request order, if the run kept them; else empty
 * @param latencyMicros latency of every request, microseconds, from send to complete response
 * @param startedAtMillis wall clock of the first request
 * @param finishedAtMillis wall clock of the last response
 * @param elapsedNanos from the first request to the last response
 */
public record LoadResult(
    int requests,
    int succeeded,
    Map<Integer, Integer> statuses,
    List<String> problems,
    List<String> bodies,
    Histogram latencyMicros,
    long startedAtMillis,
    long finishedAtMillis,
    long elapsedNanos) {

  public int failed() {
    return requests - succeeded;
  }

  public double seconds() {
    return elapsedNanos / 1e9;
  }

  /** Completed requests per second. */
  public double throughput() {
    return elapsedNanos == 0 ? 0 : requests / seconds();
  }

  /** A latency percentile in milliseconds. */
  public double percentileMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMillis() {
    return latencyMicros.getMaxValue() / 1000.0;
  }
}
