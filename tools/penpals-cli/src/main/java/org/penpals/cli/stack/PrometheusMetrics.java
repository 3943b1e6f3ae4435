package org.penpals.cli.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A scrape of a service's {@code /actuator/prometheus}: enough of the text format to sum a metric
 * over the series whose labels contain given fragments.
 */
public final class PrometheusMetrics {
  private record Sample(String name, String labels, double value) {}

  private final List<Sample> samples;

  private PrometheusMetrics(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  public static PrometheusMetrics parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String name;
      String labels;
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        labels = line.substring(brace, line.lastIndexOf('}', space) + 1);
      } else {
        name = line.substring(0, space).strip();
        labels = "";
      }
      try {
        samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
      } catch (NumberFormatException e) {
        // a value we do not need (NaN is parsed; anything else is skipped)
      }
    }
    return new PrometheusMetrics(samples);
  }

  /** The sum of {@code name} over series whose labels contain every fragment; empty if none. */
  public OptionalDouble sum(String name, String... labelFragments) {
    boolean found = false;
    double sum = 0;
    for (Sample sample : samples) {
      if (sample.name().equals(name) && containsAll(sample.labels(), labelFragments)) {
        found = true;
        sum += sample.value();
      }
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }

  /** {@code after - before} of a counter, if both scrapes have it. */
  public static OptionalDouble delta(
      PrometheusMetrics before, PrometheusMetrics after, String name, String... labelFragments) {
    OptionalDouble b = before.sum(name, labelFragments);
    OptionalDouble a = after.sum(name, labelFragments);
    return a.isPresent() && b.isPresent()
        ? OptionalDouble.of(a.getAsDouble() - b.getAsDouble())
        : OptionalDouble.empty();
  }

  private static boolean containsAll(String labels, String[] fragments) {
    for (String fragment : fragments) {
      if (!labels.contains(fragment)) {
        return false;
      }
    }
    return true;
  }
}
