package org.penpals.cohort;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Items with relative weights, drawn in O(log n) by binary search over the cumulative weights. */
final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  Weighted(List<T> items, double[] weights) {
    if (items.isEmpty() || items.size() != weights.length) {
      throw new IllegalArgumentException("need one positive weight per item, and some items");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] > 0)) {
        throw new IllegalArgumentException("weight must be positive: " + items.get(i));
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
  }

  T pick(SplittableRandom random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int index = Arrays.binarySearch(cumulative, target);
    if (index < 0) {
      index = -index - 1;
    }
    return items.get(Math.min(index, items.size() - 1));
  }

  List<T> items() {
    return items;
  }

  double weight(int index) {
    return index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1];
  }
}
